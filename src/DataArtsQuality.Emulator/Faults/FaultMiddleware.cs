using System.Text;

namespace DataArtsQuality.Emulator.Faults;

/// <summary>
/// Applies queued faults to API requests (after the gateway logged and authenticated them). Registered in
/// EmulatorApp after <see cref="RateLimitMiddleware"/>.
/// </summary>
public sealed class FaultMiddleware(RequestDelegate next, FaultState faults)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/_emulator"))
        {
            await next(context);
            return;
        }
        var fault = faults.Take(context.Request.Method, context.Request.Path.Value ?? "");
        if (fault is null)
        {
            await next(context);
            return;
        }

        switch (fault.Kind)
        {
            case FaultKind.Status:
                await WriteStatus(context, fault);
                break;
            case FaultKind.Reset when !fault.AfterProcessing:
                context.Abort();
                break;
            case FaultKind.Reset:
                await ResetAfterProcessing(context);
                break;
            case FaultKind.Slow:
                await Slow(context, fault);
                break;
            case FaultKind.Malformed:
                await Malformed(context);
                break;
            case FaultKind.Truncate:
                await Truncate(context);
                break;
        }
    }

    private async Task ResetAfterProcessing(HttpContext context)
    {
        await Buffered(context);
        context.Abort();
    }

    private async Task Slow(HttpContext context, FaultSpec fault)
    {
        // The service does its work whether or not the caller is still there, as a real one would.
        context.RequestAborted = CancellationToken.None;
        await Task.Delay(fault.DelayMs);
        await next(context);
    }

    private async Task Malformed(HttpContext context)
    {
        var (status, body) = await Buffered(context);
        byte[] broken = status is >= 200 and < 300 && body.Length > 2
            ? body.AsSpan(0, Math.Max(1, body.Length / 2)).ToArray()
            : Encoding.UTF8.GetBytes("{\"instance_id\": ");
        context.Response.ContentLength = broken.Length;
        await context.Response.Body.WriteAsync(broken);
    }

    private async Task Truncate(HttpContext context)
    {
        var (_, body) = await Buffered(context);
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2));
        await context.Response.Body.FlushAsync();
        context.Abort();
    }

    /// <summary>Runs the service with the answer held back; returns its status and body, nothing sent yet.</summary>
    private async Task<(int Status, byte[] Body)> Buffered(HttpContext context)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        return (context.Response.StatusCode, buffer.ToArray());
    }

    private static async Task WriteStatus(HttpContext context, FaultSpec fault)
    {
        if (fault.RetryAfter is not null) context.Response.Headers["Retry-After"] = fault.RetryAfter;
        if (fault.Status == 429)
        {
            await ApiErrors.Gateway(context, 429, "APIG.0308",
                    "The throttling threshold has been reached: policy user over ratelimit,limit:40,time:10 second")
                .ExecuteAsync(context);
            return;
        }
        if (fault.Status == 500)
        {
            await ApiErrors.Dqc(500, "DQC.5000", "Internal server error.").ExecuteAsync(context);
            return;
        }
        // 502/503/504 come from a proxy in front of the service: an HTML page, not the DQC envelope.
        string reason = fault.Status switch
        {
            502 => "Bad Gateway",
            503 => "Service Temporarily Unavailable",
            504 => "Gateway Time-out",
            _ => "Error",
        };
        context.Response.StatusCode = fault.Status;
        context.Response.ContentType = "text/html";
        await context.Response.WriteAsync(
            $"<html>\r\n<head><title>{fault.Status} {reason}</title></head>\r\n<body>\r\n"
            + $"<center><h1>{fault.Status} {reason}</h1></center>\r\n"
            + "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n");
    }
}

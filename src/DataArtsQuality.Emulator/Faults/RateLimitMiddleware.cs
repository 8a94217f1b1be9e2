using System.Text.RegularExpressions;

namespace DataArtsQuality.Emulator.Faults;

/// <summary>
/// The gateway's per-user limit (dqc-api.md §1.4: 40 requests per 10 s), enforced only when switched on through
/// /_emulator/rate-limit or --rate-limit. The caller is the token, else the AK of a signed request, else the address.
/// The real gateway's 429 carries no documented Retry-After, so none is sent [inf].
/// </summary>
public sealed partial class RateLimitMiddleware(RequestDelegate next, FaultState faults)
{
    [GeneratedRegex(@"Access=([^,\s]+)")]
    private static partial Regex AccessKey();

    public async Task InvokeAsync(HttpContext context)
    {
        if (faults.LimitCount <= 0 || context.Request.Path.StartsWithSegments("/_emulator"))
        {
            await next(context);
            return;
        }
        if (faults.TryAdmit(Caller(context), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()))
        {
            await next(context);
            return;
        }
        string period = (faults.LimitPeriodMs / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);
        await ApiErrors.Gateway(context, 429, "APIG.0308",
            $"The throttling threshold has been reached: policy user over ratelimit,limit:{faults.LimitCount},time:{period} second").ExecuteAsync(context);
    }

    private static string Caller(HttpContext context)
    {
        string? token = context.Request.Headers["X-Auth-Token"].FirstOrDefault();
        if (!string.IsNullOrEmpty(token)) return "token:" + token;
        var access = AccessKey().Match(context.Request.Headers.Authorization.ToString());
        if (access.Success) return "ak:" + access.Groups[1].Value;
        return "ip:" + context.Connection.RemoteIpAddress;
    }
}

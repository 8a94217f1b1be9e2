namespace DataArtsQuality.Emulator.Gateway;

/// <summary>
/// TEST INSTRUMENT, not part of DQC: counts the API requests in flight (control calls under /_emulator excluded) in
/// <see cref="ConcurrencyGauge"/>. First in the pipeline, so a request held by a Slow fault or refused by the gateway
/// counts for as long as its connection is busy with it.
/// </summary>
public sealed class ConcurrencyMiddleware(RequestDelegate next, ConcurrencyGauge gauge)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/_emulator"))
        {
            await next(context);
            return;
        }
        gauge.Enter();
        try { await next(context); }
        finally { gauge.Exit(); }
    }
}

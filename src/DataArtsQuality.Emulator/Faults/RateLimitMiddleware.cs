using System.Text.RegularExpressions;

namespace DataArtsQuality.Emulator.Faults;

/// <summary>
/// The gateway's per-user limit (40 requests per 10 s: docs/service-notes.md, Rate limit), enforced only when switched
/// on through /_emulator/rate-limit or --rate-limit. The caller is the token, else the AK of a signed request, else the
/// address. The real gateway's 429 carries no documented Retry-After, so none is sent [inf].
/// </summary>
public sealed partial class RateLimitMiddleware(RequestDelegate next, FaultState faults, IamState iam)
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
        if (faults.TryAdmit(CallerOf(context, iam), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()))
        {
            await next(context);
            return;
        }
        string period = (faults.LimitPeriodMs / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);
        await ApiErrors.Gateway(context, 429, "APIG.0308",
                "The throttling threshold has been reached: policy user over ratelimit,"
                + $"limit:{faults.LimitCount},time:{period} second")
            .ExecuteAsync(context);
    }

    /// <summary>
    /// The user a request counts against: the gateway limits a user, so every token that user's logins got shares
    /// one window. An unknown token is named by a hash so the control endpoints never show a credential.
    /// </summary>
    public static string CallerOf(HttpContext context, IamState iam)
    {
        string? token = context.Request.Headers["X-Auth-Token"].FirstOrDefault();
        if (!string.IsNullOrEmpty(token))
        {
            string? user = iam.Find(token)?.UserName;
            if (!string.IsNullOrEmpty(user)) return "user:" + user;
            return "token:" + Convert.ToHexString(
                System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)))[..12];
        }
        var access = AccessKey().Match(context.Request.Headers.Authorization.ToString());
        if (access.Success) return "ak:" + access.Groups[1].Value;
        return "ip:" + context.Connection.RemoteIpAddress;
    }
}

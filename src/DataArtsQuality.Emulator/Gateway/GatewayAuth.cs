using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace DataArtsQuality.Emulator.Gateway;

/// <summary>
/// The gateway's credential checks: X-Auth-Token (the fixed token, or a token the emulator's IAM issued and that has
/// not expired) or an SDK-HMAC-SHA256 signature (known AK, X-Sdk-Date signed and within 15 minutes of the gateway's
/// clock, security token for temporary keys, signature recomputed from the request as received).
/// </summary>
public static class GatewayAuth
{
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(15);

    public static IResult? Authenticate(HttpContext context, EmulatorState state, IamState iam, byte[] body)
    {
        var request = context.Request;
        string? authorization = request.Headers.Authorization.FirstOrDefault();
        if (!string.IsNullOrEmpty(authorization))
            return VerifySignature(context, iam, authorization, body);

        string? token = request.Headers["X-Auth-Token"].FirstOrDefault();
        if (string.IsNullOrEmpty(token))
            return ApiErrors.Gateway(context, 401, "APIG.0301",
                "Incorrect IAM authentication information: x-auth-token not found");
        if (string.Equals(token, state.Options.Token, StringComparison.Ordinal))
            return null;
        var issued = iam.Find(token);
        if (issued is null)
            return ApiErrors.Gateway(context, 401, "APIG.0301",
                "Incorrect IAM authentication information: decrypt token fail");
        if (issued.ExpiresAt <= iam.Now)
            return ApiErrors.Gateway(context, 401, "APIG.0301",
                "Incorrect IAM authentication information: token expires, expires_at: "
                + IamState.Iso(issued.ExpiresAt));
        return null;
    }

    private static IResult? VerifySignature(HttpContext context, IamState iam, string authorization, byte[] body)
    {
        var request = context.Request;
        var parsed = ApigSignature.ParseAuthorization(authorization);
        if (parsed is null)
            return ApiErrors.Gateway(context, 401, "APIG.0301",
                "Incorrect IAM authentication information: Authorization header is not SDK-HMAC-SHA256");
        if (!iam.TryGetKey(parsed.AccessKey, out string secretKey, out string? securityToken))
            return ApiErrors.Gateway(context, 401, "APIG.0301",
                "Incorrect IAM authentication information: the access key does not exist"); // [inf] wording
        if (!parsed.SignedHeaders.Contains("x-sdk-date", StringComparer.Ordinal))
            return ApiErrors.Gateway(context, 401, "APIG.0301",
                "Incorrect IAM authentication information: x-sdk-date is not signed");

        string date = request.Headers["X-Sdk-Date"].FirstOrDefault() ?? "";
        if (!DateTimeOffset.TryParseExact(date, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var signedAt))
            return ApiErrors.Gateway(context, 401, "APIG.0301",
                $"Incorrect IAM authentication information: X-Sdk-Date '{date}' is not yyyyMMddTHHmmssZ");
        var now = iam.Now;
        if ((signedAt - now).Duration() > MaxClockSkew)
        {
            // [inf] The docs show a time error quoting the request time; the code and wording here are the emulator's
            // guess.
            string nowText = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            return ApiErrors.Gateway(context, 401, "APIGW.0303",
                $"Incorrect IAM authentication information: the request time X-Sdk-Date {date} differs from the "
                + $"server time {nowText} by more than 15 minutes; check the client clock");
        }

        if (securityToken != null)
        {
            string? sent = request.Headers["X-Security-Token"].FirstOrDefault();
            if (sent is null || !parsed.SignedHeaders.Contains("x-security-token", StringComparer.Ordinal)
                || !CryptographicOperations.FixedTimeEquals(
                    Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(securityToken)))
            {
                return ApiErrors.Gateway(context, 401, "APIG.0301",
                    "Incorrect IAM authentication information: the security token is missing, unsigned or invalid");
            }
        }

        string rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget
            ?? (request.Path + request.QueryString).ToString();
        string canonical = ApigSignature.CanonicalRequest(request.Method, rawTarget, parsed.SignedHeaders,
            name => request.Headers.TryGetValue(name, out var v) ? v.ToString() : null, body);
        string expected = ApigSignature.Signature(secretKey, ApigSignature.StringToSign(date, canonical));
        if (!Matches(expected, parsed.Signature) && parsed.SignedHeaders.Contains("host", StringComparer.Ordinal)
            && request.Host.Port is not null)
        {
            // The .NET SDK signs Uri.Host, without the port (docs/service-notes.md, AK/SK: what the SDKs sign). Against
            // the real gateway on 443 the Host header has no port either, so its signatures verify there; the emulator
            // listens on another port, so it also accepts the host signed without it [inf: leniency for the emulator's
            // port, not a gateway rule].
            string hostOnly = request.Host.Host;
            string withoutPort = ApigSignature.CanonicalRequest(request.Method, rawTarget, parsed.SignedHeaders,
                name => name == "host" ? hostOnly : request.Headers.TryGetValue(name, out var v) ? v.ToString() : null,
                body);
            string signedWithoutPort =
                ApigSignature.Signature(secretKey, ApigSignature.StringToSign(date, withoutPort));
            if (Matches(signedWithoutPort, parsed.Signature)) return null;
        }
        if (!Matches(expected, parsed.Signature))
        {
            // Like the real gateway (docs/service-notes.md, AK/SK: gateway errors), show the canonical request it
            // computed with '|' for newlines; the security token is masked so the message cannot leak it.
            string shown = canonical.Replace("\n", "|");
            if (securityToken != null) shown = shown.Replace(securityToken, "***");
            return ApiErrors.Gateway(context, 401, "APIG.0301",
                "Incorrect IAM authentication information: verify aksk signature fail, canonicalRequest: " + shown);
        }
        return null;
    }

    private static bool Matches(string expected, string sent) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(sent));
}

using System.Text.RegularExpressions;

namespace DataArtsQuality.Client;

/// <summary>
/// The one place that decides what of an HTTP exchange may be logged. Credential headers and secret-looking
/// JSON fields are replaced by a fixed mark before the text leaves the core.
/// </summary>
internal static class HttpLogFormatter
{
    public const string Redacted = "<redacted>";

    private static readonly HashSet<string> SecretHeaders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "X-Auth-Token", "X-Subject-Token", "Authorization", "X-Security-Token", "Proxy-Authorization", "Cookie",
        "Set-Cookie",
    };

    // "password": "...", "secret": "...", "sk": "...", "access": ... inside JSON bodies (IAM login, temporary
    // credentials).
    private static readonly Regex SecretJsonField = new Regex(
        "(\"(?:password|secret|secret_key|secretkey|sk|securitytoken|security_token|securitykey|token|id_token|totp|passcode)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static bool IsSecretHeader(string name) => SecretHeaders.Contains(name);

    public static string Headers(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers)
    {
        var sb = new StringBuilder();
        foreach (var h in headers)
        {
            string value = IsSecretHeader(h.Key) ? Redacted : string.Join(", ", h.Value);
            sb.Append("  ").Append(h.Key).Append(": ").Append(value).Append('\n');
        }
        return sb.ToString().TrimEnd('\n');
    }

    public static string Body(byte[]? body, int max = 4096)
    {
        if (body == null || body.Length == 0) return "  (no body)";
        string text;
        try { text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, max)); }
        catch (ArgumentException) { return $"  ({body.Length} bytes, not text)"; }
        text = SecretJsonField.Replace(text, "$1\"" + Redacted + "\"");
        if (body.Length > max) text += $"... ({body.Length} bytes in all)";
        return "  " + text;
    }

    public static string Request(HttpRequestMessage request, byte[]? body)
    {
        var all = request.Headers.AsEnumerable();
        if (request.Content != null) all = all.Concat(request.Content.Headers);
        return $"{request.Method} {request.RequestUri}\n{Headers(all)}\n{Body(body)}";
    }

    public static string Response(HttpResponseMessage response, byte[] body)
    {
        var all = response.Headers.AsEnumerable();
        if (response.Content != null) all = all.Concat(response.Content.Headers);
        return $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}\n{Headers(all)}\n{Body(body)}";
    }
}

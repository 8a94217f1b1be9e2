namespace DataArtsQuality.Client;

/// <summary>
/// The proxy named by HTTPS_PROXY / HTTP_PROXY / ALL_PROXY (either case), bypassed for the hosts in NO_PROXY and
/// always for loopback, with curl's rules: a NO_PROXY entry matches the host itself and its subdomains (a leading
/// dot is optional), may carry a :port, and '*' means every host. Credentials may be given in the proxy URL
/// (http://user:password@proxy:3128). Used on every edition so Windows PowerShell 5.1 behaves like PowerShell 7.
/// </summary>
internal sealed class EnvironmentProxy : IWebProxy
{
    private readonly Uri? _https;
    private readonly Uri? _http;
    private readonly string[] _noProxy;

    private EnvironmentProxy(Uri? https, Uri? http, string[] noProxy, ICredentials? credentials)
    {
        _https = https;
        _http = http;
        _noProxy = noProxy;
        Credentials = credentials;
    }

    public ICredentials? Credentials { get; set; }

    /// <summary>The proxy for https URLs, without credentials (for display).</summary>
    public Uri? HttpsProxy => _https;

    public Uri? HttpProxy => _http;

    /// <summary>Null when no proxy variable is set.</summary>
    public static EnvironmentProxy? FromEnvironment(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        string? Get(string name) => NonEmpty(environment(name.ToLowerInvariant())) ?? NonEmpty(environment(name));

        string? all = Get("ALL_PROXY");
        Uri? https = ParseProxy(Get("HTTPS_PROXY") ?? all);
        Uri? http = ParseProxy(Get("HTTP_PROXY") ?? all);
        if (https is null && http is null) return null;

        string[] noProxy = (Get("NO_PROXY") ?? "")
            .Split(new[] { ',', ' ', ';' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(e => e.Trim().ToLowerInvariant())
            .Where(e => e.Length > 0)
            .ToArray();
        return new EnvironmentProxy(Strip(https), Strip(http), noProxy, CredentialsOf(https ?? http));
    }

    public Uri GetProxy(Uri destination)
    {
        var proxy = destination.Scheme == Uri.UriSchemeHttps ? _https : _http;
        return proxy ?? destination;
    }

    public bool IsBypassed(Uri host)
    {
        var proxy = host.Scheme == Uri.UriSchemeHttps ? _https : _http;
        if (proxy is null || host.IsLoopback) return true;
        string name = host.IdnHost.ToLowerInvariant().Trim('[', ']');
        foreach (string raw in _noProxy)
        {
            if (raw == "*") return true;
            string entry = raw;
            int? port = null;
            int colon = entry.LastIndexOf(':');
            if (colon > 0 && entry.IndexOf(']') < colon && entry.Count(c => c == ':') == 1
                && int.TryParse(entry.Substring(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int p))
            {
                port = p;
                entry = entry.Substring(0, colon);
            }
            if (port.HasValue && port.Value != host.Port) continue;
            entry = entry.Trim('[', ']');
            if (entry.StartsWith("*.", StringComparison.Ordinal)) entry = entry.Substring(1);
            if (entry.StartsWith(".", StringComparison.Ordinal)) entry = entry.Substring(1);
            if (entry.Length == 0) continue;
            if (name == entry || name.EndsWith("." + entry, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s!.Trim();

    private static Uri? ParseProxy(string? value)
    {
        if (value is null) return null;
        string v = value.Contains("://") ? value : "http://" + value;
        return Uri.TryCreate(v, UriKind.Absolute, out var uri) && (
            uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri : null;
    }

    private static Uri? Strip(Uri? proxy) =>
        proxy is null ? null : new UriBuilder(proxy) { UserName = "", Password = "", Path = "/" }.Uri;

    private static ICredentials? CredentialsOf(Uri? proxy)
    {
        if (proxy is null || string.IsNullOrEmpty(proxy.UserInfo)) return null;
        string[] parts = proxy.UserInfo.Split(new[] { ':' }, 2);
        return new NetworkCredential(Uri.UnescapeDataString(parts[0]),
            parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "");
    }
}

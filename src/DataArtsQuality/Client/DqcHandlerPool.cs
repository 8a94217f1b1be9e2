using System.Collections.Concurrent;

namespace DataArtsQuality.Client;

/// <summary>
/// One HTTP handler per transport configuration (certificate check, proxy and its credential, the proxy environment
/// variables), shared by every connection that has it and never disposed. A connection's HttpClient is then a thin
/// wrapper: connections come and go in every runspace without closing sockets another runspace's request is using,
/// and without a socket pool per connection.
/// </summary>
internal static class DqcHandlerPool
{
    private static readonly ConcurrentDictionary<string, Lazy<HttpMessageHandler>> Handlers =
        new ConcurrentDictionary<string, Lazy<HttpMessageHandler>>(StringComparer.Ordinal);

    /// <summary>
    /// The shared handler for <paramref name="key"/>. <paramref name="endpoint"/> is the resolved endpoint the handler
    /// will serve (from -Endpoint or -Region), or null for calls to several hosts.
    /// </summary>
    public static HttpMessageHandler For(DqcHandlerKey key, Uri? endpoint)
    {
        // Validate first: a bad proxy URL is the caller's error, not a handler cached under its key.
        CheckProxy(key.Proxy);
        string fingerprint = key.Fingerprint();
        // Per endpoint, not per pooled handler: a shared handler serves connections to several endpoints, and
        // each endpoint's .NET Framework service point needs its own connection limit and Expect setting.
        ServicePointSettings.Apply(endpoint);
        var made = new Lazy<HttpMessageHandler>(() => DqcConnection.CreateDefaultHandler(key));
        return Handlers.GetOrAdd(fingerprint, made).Value;
    }

    /// <summary>A proxy must be an absolute http(s) URL; the message names it without any user:password part.</summary>
    internal static void CheckProxy(Uri? proxy)
    {
        if (proxy is null) return;
        if (proxy.IsAbsoluteUri && (proxy.Scheme == Uri.UriSchemeHttp || proxy.Scheme == Uri.UriSchemeHttps)) return;
        string shown = proxy.IsAbsoluteUri ? $"{proxy.Scheme}://{proxy.Host}{(proxy.IsDefaultPort ? "" : ":" + proxy.Port)}"
            : proxy.OriginalString.Substring(proxy.OriginalString.LastIndexOf('@') + 1);
        throw new ArgumentException(
            $"The proxy '{shown}' is not an absolute http(s) URL such as http://proxy.example.com:3128.");
    }
}

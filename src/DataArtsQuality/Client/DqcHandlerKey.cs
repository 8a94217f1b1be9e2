namespace DataArtsQuality.Client;

/// <summary>
/// What a pooled HTTP handler is made for (<see cref="DqcHandlerPool"/>): the certificate check, the proxy and its
/// credential. Connections and connect-time IAM calls with equal keys share one handler.
/// </summary>
internal sealed class DqcHandlerKey
{
    private static readonly string[] ProxyVariables = { "HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "NO_PROXY" };

    public DqcHandlerKey(bool skipCertificateCheck, Uri? proxy, System.Net.ICredentials? proxyCredential)
    {
        SkipCertificateCheck = skipCertificateCheck;
        Proxy = proxy;
        ProxyCredential = proxyCredential;
    }

    /// <summary>Accept any server certificate (test systems only).</summary>
    public bool SkipCertificateCheck { get; }

    /// <summary>An explicit proxy; null uses HTTPS_PROXY/HTTP_PROXY/NO_PROXY, else the system proxy.</summary>
    public Uri? Proxy { get; }

    public System.Net.ICredentials? ProxyCredential { get; }

    /// <summary>
    /// The key with the proxy environment variables of the moment (a handler made under other variables uses
    /// other proxies), as a fingerprint: proxy credentials and proxy URLs may hold secrets, so only a hash is kept.
    /// </summary>
    internal string Fingerprint()
    {
        var sb = new StringBuilder();
        sb.Append(SkipCertificateCheck ? "insecure" : "checked").Append('\n');
        sb.Append(Proxy?.AbsoluteUri ?? "").Append('\n');
        if (ProxyCredential?.GetCredential(Proxy ?? new Uri("http://proxy"), "Basic") is NetworkCredential credential)
            sb.Append(credential.Domain).Append('\\').Append(credential.UserName).Append(':').Append(
                credential.Password);
        sb.Append('\n');
        foreach (string name in ProxyVariables)
        {
            sb.Append(Environment.GetEnvironmentVariable(name.ToLowerInvariant())).Append('|')
              .Append(Environment.GetEnvironmentVariable(name)).Append('\n');
        }
        byte[] bytes = Encoding.UTF8.GetBytes(sb.ToString());
        try { return RateLimiterRegistry.Fingerprint(bytes); }
        finally { Array.Clear(bytes, 0, bytes.Length); }
    }
}

using System.Text.RegularExpressions;

using DataArtsQuality.Client.Auth;

namespace DataArtsQuality.Client;

/// <summary>
/// A connection to one DQC workspace: endpoint, project, workspace, credential and the HttpClient all its requests
/// share. The HttpClient sits on a handler shared by every connection with the same transport settings
/// (<see cref="DqcHandlerPool"/>), so TCP/TLS connections are reused across connections, cmdlets and runspaces.
/// </summary>
/// <remarks>
/// A connection is leased: the session state holds one reference, every cmdlet that works on it another
/// (<see cref="TryAcquire"/>/<see cref="Release"/>), and so does every request in flight. <see cref="Dispose"/> gives
/// up the owner's reference; the HttpClient and the credential are let go when the last user is done, so replacing or
/// disconnecting a connection in one runspace never breaks a request, page stream or wait running on it in another.
/// </remarks>
internal sealed class DqcConnection : IDisposable
{
    private static readonly Regex HexId = new Regex("^[0-9a-fA-F]{32}$", RegexOptions.CultureInvariant);
    private static readonly Regex RegionId = new Regex("^[a-z]{2}(-[a-z0-9]+)+$", RegexOptions.CultureInvariant);

    private readonly string _apiRoot;
    private volatile DqcSettings _settings = null!;
    private int _users = 1; // the owner's reference, given up by Dispose
    private int _disposed;

    public DqcConnection(DqcConnectRequest request, IDqcAuthenticator authenticator, HttpMessageHandler? handler = null)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        Authenticator = authenticator ?? throw new ArgumentNullException(nameof(authenticator));

        Endpoint = ResolveEndpoint(request.Endpoint, request.Region);
        Region = request.Region;
        ProjectId = CheckHexId(request.ProjectId, "project ID",
            "the IAM project of the region (My Credentials > API Credentials in the console)");
        // No workspace at all (null) is allowed: such a connection can list workspaces (Get-DqcWorkspace) but not call
        // DQC.
        WorkspaceId = request.WorkspaceId is null ? ""
            : CheckHexId(request.WorkspaceId, "workspace ID",
                "the DataArts Studio workspace (the 'workspace=' part of the console URL)");
        Name = DqcConnectionNames.Normalize(request.Name);
        Role = DqcConnectionNames.RoleOf(Name);
        if (Endpoint.Scheme == Uri.UriSchemeHttp && !Endpoint.IsLoopback && !request.AllowUnencryptedAuthentication)
            throw new DqcUnencryptedAuthenticationException(Endpoint);
        Settings = (request.Settings ?? DqcSettings.FromEnvironment()).Clone().Validate();
        SkipCertificateCheck = request.SkipCertificateCheck;
        ConnectedAt = DateTimeOffset.Now;

        _apiRoot = Endpoint.AbsoluteUri.TrimEnd('/');
        RateLimiter = request.OwnRateLimiter ?? RateLimiterRegistry.For(Endpoint, Authenticator);
        // A handler given by the caller belongs to this connection; the shared one belongs to the pool.
        Http = new HttpClient(handler ?? DqcHandlerPool.For(request.HandlerKey, Endpoint),
            disposeHandler: handler != null)
        {
            // Timeouts are per request (linked with cancellation) so a timeout can be told apart from Ctrl+C.
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
        Http.DefaultRequestHeaders.UserAgent.ParseAdd("DataArtsQuality/" + ModuleVersion);
    }

    public string Name { get; }
    /// <summary>The default connection (a runspace's own) or a named one; decided by the name it was made
    /// with.</summary>
    internal DqcConnectionRole Role { get; }
    public Uri Endpoint { get; }
    public string? Region { get; }
    public string ProjectId { get; }
    public string WorkspaceId { get; }
    public IDqcAuthenticator Authenticator { get; }

    /// <summary>
    /// Retries, timeout and rate limit for callers that bring none (cmdlets bring their runspace's Set-DqcConfig
    /// settings instead).
    /// </summary>
    public DqcSettings Settings
    {
        get => _settings;
        set => _settings = (value ?? throw new ArgumentNullException(nameof(value))).Clone().Validate();
    }

    /// <summary>The limiter of this connection's user, shared with every other connection of that user.</summary>
    public RateLimiter RateLimiter { get; }

    /// <summary>False once the last user let go (the HttpClient and credential are released).</summary>
    public bool IsOpen => Volatile.Read(ref _users) > 0;

    /// <summary>Where the session state keeps it (Process for a named one); set by the session state when it stores
    /// it.</summary>
    internal DqcScope Scope { get; set; } = DqcScope.Runspace;

    public bool SkipCertificateCheck { get; }
    public DateTimeOffset ConnectedAt { get; }

    internal HttpClient Http { get; }

    internal static string ModuleVersion { get; } =
        typeof(DqcConnection).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>The DQC endpoint of a Huawei Cloud region: https://dayu.{region}.myhuaweicloud.com.</summary>
    public static Uri EndpointForRegion(string region)
    {
        string r = (region ?? "").Trim();
        if (!RegionId.IsMatch(r))
            throw new ArgumentException($"'{region}' is not a region ID such as 'ap-southeast-1' or 'cn-north-4'.",
                nameof(region));
        return new Uri($"https://dayu.{r}.myhuaweicloud.com", UriKind.Absolute);
    }

    /// <summary>{endpoint}/v2/{project_id}/quality/{path}?{query}</summary>
    public Uri QualityUri(string path, IEnumerable<KeyValuePair<string, string>>? query = null)
        => BuildUri("v2/" + Uri.EscapeDataString(ProjectId) + "/quality/" + path.TrimStart('/'), query);

    /// <summary>{endpoint}/{path}?{query}, with the query encoded the way the gateway signs it (RFC 3986,
    /// %20).</summary>
    public Uri BuildUri(string path, IEnumerable<KeyValuePair<string, string>>? query = null)
    {
        var sb = new StringBuilder(_apiRoot.Length + path.Length + 64);
        sb.Append(_apiRoot).Append('/').Append(path.TrimStart('/'));
        if (query != null)
        {
            char sep = '?';
            foreach (var pair in query)
            {
                sb.Append(sep).Append(Uri.EscapeDataString(pair.Key)).Append('=')
                    .Append(Uri.EscapeDataString(pair.Value ?? ""));
                sep = '&';
            }
        }
        return new Uri(sb.ToString(), UriKind.Absolute);
    }

    /// <summary>
    /// Takes a reference for one more user (a cmdlet or a request). False when the connection is already closed: the
    /// caller must not use it.
    /// </summary>
    internal bool TryAcquire()
    {
        while (true)
        {
            int users = Volatile.Read(ref _users);
            if (users <= 0) return false;
            if (Interlocked.CompareExchange(ref _users, users + 1, users) == users) return true;
        }
    }

    /// <summary>Gives up a reference taken with <see cref="TryAcquire"/>; the last one closes the connection.</summary>
    internal void Release()
    {
        if (Interlocked.Decrement(ref _users) == 0)
        {
            Http.Dispose();
            (Authenticator as IDisposable)?.Dispose();
        }
    }

    /// <summary>Gives up the owner's reference (once); the connection closes when nobody else uses it.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0) Release();
    }

    private static Uri ResolveEndpoint(Uri? endpoint, string? region)
    {
        // With both, the endpoint wins and the region still names the region (IAM, project lookup): partner clouds
        // and the emulator have endpoints that are not dayu.{region}.myhuaweicloud.com.
        if (endpoint != null && !string.IsNullOrWhiteSpace(region)) EndpointForRegion(region!);
        if (endpoint == null)
        {
            if (string.IsNullOrWhiteSpace(region))
                throw new ArgumentException("Give an endpoint (-Endpoint https://dayu.<region>.myhuaweicloud.com) or a region (-Region ap-southeast-1).");
            return EndpointForRegion(region!);
        }
        if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
            throw new ArgumentException($"The endpoint '{endpoint}' is not an absolute http(s) URL such as https://dayu.ap-southeast-1.myhuaweicloud.com.");
        if (!string.IsNullOrEmpty(endpoint.Query) || !string.IsNullOrEmpty(endpoint.Fragment))
            throw new ArgumentException($"The endpoint '{endpoint}' must not have a query or fragment.");
        return endpoint;
    }

    private static string CheckHexId(string? value, string what, string where)
    {
        string v = (value ?? "").Trim();
        if (v.Length == 0)
            throw new ArgumentException($"The {what} is empty. It is the 32-character hexadecimal ID of {where}.");
        if (!HexId.IsMatch(v))
            throw new ArgumentException(string.Format(CultureInfo.InvariantCulture,
                "The {0} '{1}' is malformed: expected 32 hexadecimal characters, the ID of {2}.", what, v, where));
        return v;
    }

    /// <summary>The handler a connection uses: proxy, certificate checking and decompression as the key says.</summary>
    internal static HttpMessageHandler CreateDefaultHandler(DqcHandlerKey key)
    {
        var handler = new HttpClientHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = System.Net.DecompressionMethods.GZip | System.Net.DecompressionMethods.Deflate,
            UseCookies = false,
            UseProxy = true,
        };
        if (key.Proxy != null)
        {
            DqcHandlerPool.CheckProxy(key.Proxy);
            handler.Proxy = new System.Net.WebProxy(key.Proxy) { Credentials = key.ProxyCredential,
                BypassProxyOnLocal = false };
        }
        else if (EnvironmentProxy.FromEnvironment() is EnvironmentProxy fromEnvironment)
        {
            if (key.ProxyCredential != null) fromEnvironment.Credentials = key.ProxyCredential;
            handler.Proxy = fromEnvironment;
        }
        else if (key.ProxyCredential != null)
        {
            handler.DefaultProxyCredentials = key.ProxyCredential;
        }
        if (key.SkipCertificateCheck)
            handler.ServerCertificateCustomValidationCallback = (_, _, _, _) => true;
        return handler;
    }
}

/// <summary>Credentials would travel in clear text: plain http to a host other than this machine.</summary>
public sealed class DqcUnencryptedAuthenticationException : DqcException
{
    public DqcUnencryptedAuthenticationException(Uri endpoint)
        : base($"The endpoint {endpoint} uses plain http, so the credential would be sent unencrypted to {endpoint.Host}. "
            + "Use https, or add -AllowUnencryptedAuthentication if this network is trusted.")
    {
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public override string ErrorId => "DqcInvalidConnectionParameter";

    public override DqcErrorCategory Category => DqcErrorCategory.InvalidArgument;

    public override object? TargetObject => Endpoint;
}

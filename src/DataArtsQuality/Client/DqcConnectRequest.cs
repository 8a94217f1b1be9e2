namespace DataArtsQuality.Client;

/// <summary>
/// What a connection is asked to be. Connect-DqcWorkspace fills it with what it was given (at most one credential;
/// none means "read the environment") and <see cref="DqcConnector"/> resolves it; a <see cref="DqcConnection"/> is
/// made from a resolved one (<see cref="ResolvedAs"/>), or, in tests, from one that names everything itself.
/// </summary>
internal sealed class DqcConnectRequest
{
    public string Name { get; set; } = DqcConnectionNames.Default;
    /// <summary>Wins over <see cref="Region"/> for DQC calls; the region still names the region (IAM,
    /// projects).</summary>
    public Uri? Endpoint { get; set; }
    public string? Region { get; set; }
    public Uri? IamEndpoint { get; set; }
    public string? ProjectId { get; set; }
    /// <summary>
    /// Null: no workspace (unless <see cref="WorkspaceName"/> resolves one); such a connection can only list
    /// workspaces.
    /// </summary>
    public string? WorkspaceId { get; set; }
    public string? WorkspaceName { get; set; }
    public string? InstanceId { get; set; }

    public SecureString? Token { get; set; }

    public string? UserName { get; set; }
    public SecureString? Password { get; set; }
    public string? DomainName { get; set; }

    public string? AccessKey { get; set; }
    public SecureString? SecretKey { get; set; }
    public SecureString? SecurityToken { get; set; }

    /// <summary>Retries, timeout and rate limit; null reads the DQC_* environment variables (<see
    /// cref="DqcSettings"/>).</summary>
    public DqcSettings? Settings { get; set; }
    /// <summary>Accept any server certificate. Only for test systems; the caller warns.</summary>
    public bool SkipCertificateCheck { get; set; }
    /// <summary>Send credentials over plain http to a host that is not this machine.</summary>
    public bool AllowUnencryptedAuthentication { get; set; }
    /// <summary>An explicit proxy; null uses HTTPS_PROXY/HTTP_PROXY/NO_PROXY, else the system proxy.</summary>
    public Uri? Proxy { get; set; }
    public System.Net.ICredentials? ProxyCredential { get; set; }

    /// <summary>
    /// A limiter of the connection's own instead of the user's shared one: for tests, whose many connections of one
    /// fake user in one process must not hold each other back.
    /// </summary>
    internal RateLimiter? OwnRateLimiter { get; set; }

    /// <summary>Timeout and retries of the IAM calls made while connecting: <see cref="Settings"/>, else the DQC_*
    /// environment variables.</summary>
    internal DqcSettings EffectiveSettings => Settings ?? DqcSettings.FromEnvironment();

    /// <summary>Which pooled HTTP handler this request's calls go out on (<see cref="DqcHandlerPool"/>).</summary>
    internal DqcHandlerKey HandlerKey => new DqcHandlerKey(SkipCertificateCheck, Proxy, ProxyCredential);

    /// <summary>
    /// The request as a connection is made of it: the endpoint, region, project and workspace resolved while
    /// connecting, this request's name and transport settings, and no credential (the authenticator holds it).
    /// </summary>
    internal DqcConnectRequest ResolvedAs(Uri? endpoint, string? region, string projectId, string? workspaceId) =>
        new DqcConnectRequest
    {
        Endpoint = endpoint,
        Region = region,
        ProjectId = projectId,
        WorkspaceId = workspaceId,
        Name = Name,
        Settings = Settings,
        SkipCertificateCheck = SkipCertificateCheck,
        AllowUnencryptedAuthentication = AllowUnencryptedAuthentication,
        Proxy = Proxy,
        ProxyCredential = ProxyCredential,
        OwnRateLimiter = OwnRateLimiter,
    };
}

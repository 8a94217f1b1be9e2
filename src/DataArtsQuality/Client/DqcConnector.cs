using DataArtsQuality.Client.Auth;

using DataArtsQuality.Client.Iam;

namespace DataArtsQuality.Client;

/// <summary>
/// Turns a <see cref="DqcConnectRequest"/> into a working <see cref="DqcConnection"/>: picks the credential (or reads
/// the official SDK's environment variables), resolves the DQC and IAM endpoints from the region, logs in to IAM,
/// finds the project ID by region name and the workspace ID by name.
/// </summary>
internal static class DqcConnector
{
    public const string EnvAccessKey = "HUAWEICLOUD_SDK_AK";
    public const string EnvSecretKey = "HUAWEICLOUD_SDK_SK";
    public const string EnvSecurityToken = "HUAWEICLOUD_SDK_SECURITY_TOKEN";
    public const string EnvProjectId = "HUAWEICLOUD_SDK_PROJECT_ID";
    public const string EnvIamEndpoint = "HUAWEICLOUD_SDK_IAM_ENDPOINT";
    /// <summary>HUAWEICLOUD_SDK_REGION_DATAARTSSTUDIO_{REGION}: the SDKs' endpoint override for one region.</summary>
    public const string EnvRegionEndpointPrefix = "HUAWEICLOUD_SDK_REGION_DATAARTSSTUDIO_";

    public static readonly Uri GlobalIamEndpoint = new Uri("https://iam.myhuaweicloud.com");

    /// <summary>
    /// Regions with a regional IAM endpoint in the SDKs (docs/service-notes.md, Endpoints and regions); others use
    /// the global one.
    /// </summary>
    private static readonly HashSet<string> RegionalIam = new HashSet<string>(StringComparer.Ordinal)
    {
        "cn-north-1", "cn-north-2", "cn-north-4", "cn-north-9", "cn-east-2", "cn-east-3", "cn-east-4", "cn-east-5",
        "cn-south-1", "cn-south-2", "cn-southwest-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3",
        "ap-southeast-4", "af-south-1", "sa-brazil-1", "la-south-2", "la-north-2", "na-mexico-1", "eu-west-0",
        "my-kualalumpur-1", "ru-moscow-1", "me-east-1", "ae-ad-1", "tr-west-1",
    };

    /// <summary>The IAM endpoint of a region: https://iam.{region}.myhuaweicloud.com where the SDKs know one, else
    /// global.</summary>
    public static Uri IamEndpointForRegion(string? region)
    {
        string r = (region ?? "").Trim();
        return RegionalIam.Contains(r) ? new Uri($"https://iam.{r}.myhuaweicloud.com") : GlobalIamEndpoint;
    }

    /// <summary>
    /// Resolves <paramref name="request"/> into a connection, in this order: the request's own checks, the DQC and
    /// IAM endpoints, the credential, the project (an IAM login or lookup) and the workspace (by name).
    /// </summary>
    public static async Task<DqcConnection> ConnectAsync(DqcConnectRequest request, IDqcLog log,
        CancellationToken cancellationToken,
        Func<string, string?>? environment = null, Func<HttpMessageHandler>? handlerFactory = null,
        Func<DateTimeOffset>? clock = null)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        var env = environment ?? Environment.GetEnvironmentVariable;
        // Without a factory every HttpClient made here sits on the shared handler of the request's handler key
        // (DqcHandlerPool) and does not own it; a factory's handlers belong to the client or connection they go into.
        HttpMessageHandler? OwnHandler() => handlerFactory?.Invoke();
        HttpClient NewHttp() => handlerFactory != null
            ? new HttpClient(handlerFactory(), true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan }
            : new HttpClient(DqcHandlerPool.For(request.HandlerKey, null), false)
            {
                Timeout = System.Threading.Timeout.InfiniteTimeSpan,
            };

        string? region = CheckedRegion(request);
        Uri? endpoint = request.Endpoint ?? EndpointFromEnvironment(region, env, log);
        Uri iamEndpoint = IamEndpointOf(request, region, env);
        string? projectId = Trimmed(request.ProjectId);
        var authenticator = NewAuthenticator(request, iamEndpoint, env, log, NewHttp, clock);
        if (projectId == null && authenticator.Kind == DqcAuthenticationKind.Environment)
            projectId = ProjectIdFromEnvironment(env, log);

        DqcConnection? connection = null;
        try
        {
            string project = await ProjectIdAsync(request, authenticator, iamEndpoint, region, projectId, NewHttp, log,
                cancellationToken).ConfigureAwait(false);
            if (authenticator is AkSkAuthenticator aksk) aksk.ProjectId = project;
            var probe = request.ResolvedAs(endpoint, region, project, null);
            string? workspaceId = await WorkspaceIdAsync(request, probe, authenticator, OwnHandler, log,
                cancellationToken)
                .ConfigureAwait(false);
            var resolved = request.ResolvedAs(endpoint, region, project, workspaceId);
            connection = new DqcConnection(resolved, authenticator, OwnHandler());
            return connection;
        }
        catch
        {
            if (connection is null) (authenticator as IDisposable)?.Dispose();
            throw;
        }
    }

    /// <summary>The request's region ID (validated) after the checks that need no call; null without a
    /// region.</summary>
    private static string? CheckedRegion(DqcConnectRequest request)
    {
        string? region = Trimmed(request.Region);
        if (region != null) DqcConnection.EndpointForRegion(region); // validates the region ID
        if (!string.IsNullOrWhiteSpace(request.WorkspaceName))
        {
            if (request.WorkspaceId != null)
                throw new ArgumentException("Give either -WorkspaceId or -WorkspaceName, not both.");
            if (string.IsNullOrWhiteSpace(request.InstanceId))
                throw new ArgumentException("-WorkspaceName needs -InstanceId, the DataArts Studio instance the workspace belongs to (the 'instanceId=' part of the console URL).");
        }
        return region;
    }

    /// <summary>The SDKs' endpoint override for the region (<see cref="EnvRegionEndpointPrefix"/>), if set.</summary>
    private static Uri? EndpointFromEnvironment(string? region, Func<string, string?> env, IDqcLog log)
    {
        if (region == null) return null;
        string variable = EnvRegionEndpointPrefix + region.ToUpperInvariant().Replace('-', '_');
        string? fromEnv = FirstOfList(env(variable));
        if (fromEnv == null) return null;
        var endpoint = ParseEndpoint(fromEnv, variable);
        log.Verbose($"DQC endpoint {endpoint} from {variable}.");
        return endpoint;
    }

    /// <summary>
    /// -IamEndpoint, else HUAWEICLOUD_SDK_IAM_ENDPOINT, else the region's; plain http to another host only when
    /// allowed.
    /// </summary>
    private static Uri IamEndpointOf(DqcConnectRequest request, string? region, Func<string, string?> env)
    {
        Uri iamEndpoint = request.IamEndpoint ?? FromIamVariable(env) ?? IamEndpointForRegion(region);
        // A password or key sent to IAM in clear text is as bad as one sent to DQC.
        if (iamEndpoint.Scheme == Uri.UriSchemeHttp && !iamEndpoint.IsLoopback && !request.AllowUnencryptedAuthentication)
            throw new DqcUnencryptedAuthenticationException(iamEndpoint);
        return iamEndpoint;
    }

    /// <summary>The one credential the request gives, or the official SDK's environment variables if none.</summary>
    private static IDqcAuthenticator NewAuthenticator(DqcConnectRequest request, Uri iamEndpoint,
        Func<string, string?> env,
        IDqcLog log, Func<HttpClient> newHttp, Func<DateTimeOffset>? clock)
    {
        int given = (request.Token != null ? 1 : 0) + (request.Password != null ? 1 : 0) +
            (request.AccessKey != null ? 1 : 0);
        if (given > 1)
            throw new ArgumentException("Give one credential: -Token, -Credential or -AccessKey/-SecretKey.");

        if (request.Token != null) return new TokenAuthenticator(request.Token);
        if (request.Password != null)
        {
            return new IamPasswordAuthenticator(newHttp(),
                iamEndpoint, request.EffectiveSettings, request.UserName ?? "", request.Password,
                request.DomainName ?? "", clock);
        }
        if (request.AccessKey != null)
        {
            if (request.SecretKey is null) throw new ArgumentException("-AccessKey needs -SecretKey.");
            return new AkSkAuthenticator(request.AccessKey, request.SecretKey, request.SecurityToken, clock: clock);
        }
        var fromEnvironment = FromEnvironment(env, out bool hasToken);
        log.Verbose($"Credentials from the environment: {EnvAccessKey} and {EnvSecretKey}"
            + (hasToken ? $" with {EnvSecurityToken}." : "."));
        return fromEnvironment;
    }

    /// <summary>HUAWEICLOUD_SDK_PROJECT_ID, for credentials from the environment; null when unset.</summary>
    private static string? ProjectIdFromEnvironment(Func<string, string?> env, IDqcLog log)
    {
        string? projectId = Trimmed(env(EnvProjectId));
        if (projectId != null) log.Verbose($"Project ID from {EnvProjectId}.");
        return projectId;
    }

    /// <summary>
    /// The project: a password login gets a token for it (by ID, or by the region's name), and any other credential
    /// without a project ID looks it up in IAM by the region's name.
    /// </summary>
    private static async Task<string> ProjectIdAsync(DqcConnectRequest request, IDqcAuthenticator authenticator,
        Uri iamEndpoint, string? region, string? projectId, Func<HttpClient> newHttp, IDqcLog log,
        CancellationToken cancellationToken)
    {
        if (authenticator is IamPasswordAuthenticator password)
        {
            log.Verbose($"Logging in to IAM at {iamEndpoint.Host} as {request.DomainName}/{request.UserName}" +
                (projectId != null ? $" for project {projectId}." : $" for the project named {region}."));
            await password.LoginAsync(projectId, projectId == null ? region : null, log, cancellationToken)
                .ConfigureAwait(false);
            log.Verbose($"IAM token for project {password.ProjectId} valid until {password.ExpiresAt:u}.");
            return password.ProjectId!;
        }
        if (projectId != null) return projectId;
        if (region == null)
            throw new ArgumentException("The project ID is unknown: give -ProjectId, or -Region to look it up in IAM.");
        log.Verbose($"Looking up the project named {region} in IAM at {iamEndpoint.Host}.");
        using var bootstrap = newHttp();
        string found = await new IamClient(bootstrap, iamEndpoint, request.EffectiveSettings)
            .FindProjectIdAsync(region, authenticator, log, cancellationToken).ConfigureAwait(false);
        log.Verbose($"Project {region} is {found}.");
        return found;
    }

    /// <summary>
    /// The request's workspace ID, or the ID of the workspace it names, looked up in the instance's workspace list
    /// through <paramref name="probeRequest"/> (the resolved request without a workspace).
    /// </summary>
    private static async Task<string?> WorkspaceIdAsync(DqcConnectRequest request, DqcConnectRequest probeRequest,
        IDqcAuthenticator authenticator, Func<HttpMessageHandler?> ownHandler, IDqcLog log,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.WorkspaceName)) return request.WorkspaceId;
        var probe = new DqcConnection(probeRequest, authenticator, ownHandler());
        try
        {
            var list = await new DqcClient(probe, log).ListWorkspacesAsync(request.InstanceId!, cancellationToken)
                .ConfigureAwait(false);
            var found = WorkspaceApi.PickByName(list, request.WorkspaceName!.Trim(), request.InstanceId!.Trim());
            log.Verbose($"Workspace '{found.Name}' is {found.WorkspaceId}.");
            return found.WorkspaceId;
        }
        finally
        {
            probe.Http.Dispose(); // not probe.Dispose(): that would dispose the shared authenticator
        }
    }

    /// <summary>AK/SK (and security token) from the official SDK variables, or an error naming what was looked
    /// for.</summary>
    private static AkSkAuthenticator FromEnvironment(Func<string, string?> env, out bool hasToken)
    {
        string? ak = Trimmed(env(EnvAccessKey));
        string? sk = Trimmed(env(EnvSecretKey));
        string? token = Trimmed(env(EnvSecurityToken));
        hasToken = token != null;
        if (ak == null && sk == null)
            throw new DqcCredentialNotFoundException(
                "No credential was given and none was found in the environment. Looked for: the parameters -Token, " +
                "-Credential with -DomainName, -AccessKey with -SecretKey; the environment variables " +
                $"{EnvAccessKey} and {EnvSecretKey} (with {EnvSecurityToken} for temporary credentials, and optionally " +
                $"{EnvProjectId}, {EnvIamEndpoint}, {EnvRegionEndpointPrefix}<REGION>). None of them is set.");
        if (ak == null || sk == null)
            throw new DqcCredentialNotFoundException(
                $"The environment has {(ak == null ? EnvSecretKey : EnvAccessKey)} but not {(ak == null ? EnvAccessKey : EnvSecretKey)}; both are needed.");
        var secret = SecretText.Protect(sk);
        var securityToken = token == null ? null : SecretText.Protect(token);
        return new AkSkAuthenticator(ak, secret, securityToken, kind: DqcAuthenticationKind.Environment);
    }

    private static Uri? FromIamVariable(Func<string, string?> env)
    {
        string? value = Trimmed(env(EnvIamEndpoint));
        if (value == null) return null;
        // Go prefixes https:// when the scheme is missing; so do we.
        if (!value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !value.StartsWith("https://",
            StringComparison.OrdinalIgnoreCase))
            value = "https://" + value;
        return ParseEndpoint(value, EnvIamEndpoint);
    }

    private static Uri ParseEndpoint(string value, string source)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (
            uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            throw new ArgumentException($"{source} is '{value}', which is not an absolute http(s) URL.");
        return uri;
    }

    private static string? FirstOfList(string? value)
        => Trimmed(value?.Split(',').Select(v => v.Trim()).FirstOrDefault(v => v.Length > 0));

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
}

using DataArtsQuality.Client.Auth;

using DataArtsQuality.Client.Iam;

namespace DataArtsQuality.Client
{
    /// <summary>No credential was given and the environment has none.</summary>
    public sealed class DqcCredentialNotFoundException : DqcException
    {
        public DqcCredentialNotFoundException(string message) : base(message) { }

        public override string ErrorId => "DqcCredentialNotFound";

        public override DqcErrorCategory Category => DqcErrorCategory.AuthenticationError;
    }

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

        /// <summary>Regions with a regional IAM endpoint in the SDKs (auth.md §3.2); others use the global one.</summary>
        private static readonly HashSet<string> RegionalIam = new HashSet<string>(StringComparer.Ordinal)
        {
            "cn-north-1", "cn-north-2", "cn-north-4", "cn-north-9", "cn-east-2", "cn-east-3", "cn-east-4", "cn-east-5",
            "cn-south-1", "cn-south-2", "cn-southwest-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3",
            "ap-southeast-4", "af-south-1", "sa-brazil-1", "la-south-2", "la-north-2", "na-mexico-1", "eu-west-0",
            "my-kualalumpur-1", "ru-moscow-1", "me-east-1", "ae-ad-1", "tr-west-1",
        };

        /// <summary>The IAM endpoint of a region: https://iam.{region}.myhuaweicloud.com where the SDKs know one, else global.</summary>
        public static Uri IamEndpointForRegion(string? region)
        {
            string r = (region ?? "").Trim();
            return RegionalIam.Contains(r) ? new Uri($"https://iam.{r}.myhuaweicloud.com") : GlobalIamEndpoint;
        }

        public static async Task<DqcConnection> ConnectAsync(DqcConnectRequest request, IDqcLog log, CancellationToken cancellationToken,
            Func<string, string?>? environment = null, Func<HttpMessageHandler>? handlerFactory = null, Func<DateTimeOffset>? clock = null)
        {
            if (request is null) throw new ArgumentNullException(nameof(request));
            var env = environment ?? Environment.GetEnvironmentVariable;
            var transport = request.ConnectionOptions(null, null, "", null);
            // Without a factory every HttpClient made here sits on the shared handler of this transport configuration
            // (DqcHandlerPool) and does not own it; a factory's handlers belong to the client or connection they go into.
            HttpMessageHandler? OwnHandler() => handlerFactory?.Invoke();
            HttpClient NewHttp() => handlerFactory != null
                ? new HttpClient(handlerFactory(), true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan }
                : new HttpClient(DqcHandlerPool.For(transport, null), false) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            string? region = string.IsNullOrWhiteSpace(request.Region) ? null : request.Region!.Trim();
            if (region != null) DqcConnection.EndpointForRegion(region); // validates the region ID

            if (!string.IsNullOrWhiteSpace(request.WorkspaceName))
            {
                if (request.WorkspaceId != null)
                    throw new ArgumentException("Give either -WorkspaceId or -WorkspaceName, not both.");
                if (string.IsNullOrWhiteSpace(request.InstanceId))
                    throw new ArgumentException("-WorkspaceName needs -InstanceId, the DataArts Studio instance the workspace belongs to (the 'instanceId=' part of the console URL).");
            }

            Uri? endpoint = request.Endpoint;
            if (endpoint == null && region != null)
            {
                string variable = EnvRegionEndpointPrefix + region.ToUpperInvariant().Replace('-', '_');
                string? fromEnv = FirstOfList(env(variable));
                if (fromEnv != null)
                {
                    endpoint = ParseEndpoint(fromEnv, variable);
                    log.Verbose($"DQC endpoint {endpoint} from {variable}.");
                }
            }

            Uri iamEndpoint = request.IamEndpoint ?? FromIamVariable(env) ?? IamEndpointForRegion(region);
            // A password or key sent to IAM in clear text is as bad as one sent to DQC.
            if (iamEndpoint.Scheme == Uri.UriSchemeHttp && !iamEndpoint.IsLoopback && !request.AllowUnencryptedAuthentication)
                throw new DqcUnencryptedAuthenticationException(iamEndpoint);
            string? projectId = string.IsNullOrWhiteSpace(request.ProjectId) ? null : request.ProjectId!.Trim();

            IDqcAuthenticator authenticator;
            IamPasswordAuthenticator? password = null;
            AkSkAuthenticator? aksk = null;
            int given = (request.Token != null ? 1 : 0) + (request.Password != null ? 1 : 0) + (request.AccessKey != null ? 1 : 0);
            if (given > 1) throw new ArgumentException("Give one credential: -Token, -Credential or -AccessKey/-SecretKey.");

            if (request.Token != null)
            {
                authenticator = new TokenAuthenticator(request.Token);
            }
            else if (request.Password != null)
            {
                password = new IamPasswordAuthenticator(NewHttp(),
                    iamEndpoint, request.EffectiveSettings, request.UserName ?? "", request.Password, request.DomainName ?? "", clock);
                authenticator = password;
            }
            else if (request.AccessKey != null)
            {
                if (request.SecretKey is null) throw new ArgumentException("-AccessKey needs -SecretKey.");
                authenticator = aksk = new AkSkAuthenticator(request.AccessKey, request.SecretKey, request.SecurityToken, clock: clock);
            }
            else
            {
                authenticator = aksk = FromEnvironment(env, out bool hasToken);
                log.Verbose($"Credentials from the environment: {EnvAccessKey} and {EnvSecretKey}" + (hasToken ? $" with {EnvSecurityToken}." : "."));
                if (projectId == null && !string.IsNullOrWhiteSpace(env(EnvProjectId)))
                {
                    projectId = env(EnvProjectId)!.Trim();
                    log.Verbose($"Project ID from {EnvProjectId}.");
                }
            }

            DqcConnection? connection = null;
            try
            {
                if (password != null)
                {
                    log.Verbose($"Logging in to IAM at {iamEndpoint.Host} as {request.DomainName}/{request.UserName}" +
                        (projectId != null ? $" for project {projectId}." : $" for the project named {region}."));
                    await password.LoginAsync(projectId, projectId == null ? region : null, log, cancellationToken).ConfigureAwait(false);
                    projectId = password.ProjectId;
                    log.Verbose($"IAM token for project {projectId} valid until {password.ExpiresAt:u}.");
                }
                else if (projectId == null)
                {
                    if (region == null)
                        throw new ArgumentException("The project ID is unknown: give -ProjectId, or -Region to look it up in IAM.");
                    log.Verbose($"Looking up the project named {region} in IAM at {iamEndpoint.Host}.");
                    using var bootstrap = NewHttp();
                    projectId = await new IamClient(bootstrap, iamEndpoint, request.EffectiveSettings)
                        .FindProjectIdAsync(region, authenticator, log, cancellationToken).ConfigureAwait(false);
                    log.Verbose($"Project {region} is {projectId}.");
                }
                if (aksk != null) aksk.ProjectId = projectId;

                string? workspaceId = request.WorkspaceId;
                if (!string.IsNullOrWhiteSpace(request.WorkspaceName))
                {
                    var probe = new DqcConnection(request.ConnectionOptions(endpoint, region, projectId!, null), authenticator, OwnHandler());
                    try
                    {
                        var list = await new DqcClient(probe, log).ListWorkspacesAsync(request.InstanceId!, cancellationToken).ConfigureAwait(false);
                        var found = WorkspaceApi.PickByName(list, request.WorkspaceName!.Trim(), request.InstanceId!.Trim());
                        workspaceId = found.WorkspaceId;
                        log.Verbose($"Workspace '{found.Name}' is {workspaceId}.");
                    }
                    finally
                    {
                        probe.Http.Dispose(); // not probe.Dispose(): that would dispose the shared authenticator
                    }
                }

                connection = new DqcConnection(request.ConnectionOptions(endpoint, region, projectId!, workspaceId), authenticator, OwnHandler());
                return connection;
            }
            catch
            {
                if (connection is null) (authenticator as IDisposable)?.Dispose();
                throw;
            }
        }

        /// <summary>AK/SK (and security token) from the official SDK variables, or an error naming what was looked for.</summary>
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
            if (!value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !value.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
                value = "https://" + value;
            return ParseEndpoint(value, EnvIamEndpoint);
        }

        private static Uri ParseEndpoint(string value, string source)
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                throw new ArgumentException($"{source} is '{value}', which is not an absolute http(s) URL.");
            return uri;
        }

        private static string? FirstOfList(string? value)
            => Trimmed(value?.Split(',').Select(v => v.Trim()).FirstOrDefault(v => v.Length > 0));

        private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
    }
}

namespace DataArtsQuality.Client
{
    /// <summary>What Connect-DqcWorkspace was given. At most one credential; none means "read the environment".</summary>
    internal sealed class DqcConnectRequest
    {
        public string Name { get; set; } = DqcConnectionNames.Default;
        public Uri? Endpoint { get; set; }
        public string? Region { get; set; }
        public Uri? IamEndpoint { get; set; }
        public string? ProjectId { get; set; }
        /// <summary>Null: no workspace (unless <see cref="WorkspaceName"/> resolves one).</summary>
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

        /// <summary>Retries, timeout and rate limit; null reads the DQC_* environment variables.</summary>
        public DqcSettings? Settings { get; set; }
        public bool SkipCertificateCheck { get; set; }
        public bool AllowUnencryptedAuthentication { get; set; }
        public Uri? Proxy { get; set; }
        public System.Net.ICredentials? ProxyCredential { get; set; }

        /// <summary>Timeout and retries of the IAM calls made while connecting: <see cref="Settings"/>, else the DQC_* environment variables.</summary>
        internal DqcSettings EffectiveSettings => Settings ?? DqcSettings.FromEnvironment();

        /// <summary>Connection options with this request's transport settings (proxy, certificates, retries).</summary>
        internal DqcConnectionOptions ConnectionOptions(Uri? endpoint, string? region, string projectId, string? workspaceId) => new DqcConnectionOptions
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
        };
    }
}

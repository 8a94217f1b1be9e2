namespace DataArtsQuality.Client
{
    /// <summary>What a connection is made of, checked before any request goes out.</summary>
    internal sealed class DqcConnectionOptions
    {
        public Uri? Endpoint { get; set; }
        public string? Region { get; set; }
        public string ProjectId { get; set; } = "";
        /// <summary>Null for a connection without a workspace (it can only list workspaces).</summary>
        public string? WorkspaceId { get; set; } = "";
        public string Name { get; set; } = DqcConnectionNames.Default;
        /// <summary>Retries, timeout and rate limit; null reads the DQC_* environment variables (see <see cref="DqcSettings"/>).</summary>
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
    }
}

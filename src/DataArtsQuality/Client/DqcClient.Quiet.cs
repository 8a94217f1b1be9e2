namespace DataArtsQuality.Client
{
    /// <summary>Switches for callers that must stay quick and silent, such as Tab completion.</summary>
    internal sealed partial class DqcClient
    {
        /// <summary>Used instead of the connection's settings (retries, timeout) when set. The rate limit stays the connection's.</summary>
        internal DqcSettings? SettingsOverride { get; set; }

        /// <summary>The settings this client's requests go out with: the override (the runspace's), else the connection's.</summary>
        internal DqcSettings EffectiveSettings => SettingsOverride ?? Connection.Settings;

        /// <summary>When false, a 401 is reported as it is: the credential is not renewed (no IAM login).</summary>
        internal bool AllowCredentialRenewal { get; set; } = true;
    }
}

namespace DataArtsQuality.Client;

/// <summary>Per-client switches: the settings a cmdlet run (or Tab completion) sends with, and whether a 401 may log in
/// again.</summary>
internal sealed partial class DqcClient
{
    /// <summary>
    /// Used instead of the connection's settings when set (retries, timeout, and the rate limit's count and period,
    /// measured against the user's shared limiter).
    /// </summary>
    internal DqcSettings? SettingsOverride { get; set; }

    /// <summary>The settings this client's requests go out with: the override (the runspace's), else the
    /// connection's.</summary>
    internal DqcSettings EffectiveSettings => SettingsOverride ?? Connection.Settings;

    /// <summary>When false, a 401 is reported as it is: the credential is not renewed (no IAM login).</summary>
    internal bool AllowCredentialRenewal { get; set; } = true;
}

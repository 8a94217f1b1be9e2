

namespace DataArtsQuality.Client;

/// <summary>
/// Where the core reports what it does. The cmdlet layer turns these into Write-Verbose / Write-Debug on the
/// pipeline thread. Secrets are redacted before anything reaches this interface.
/// </summary>
internal interface IDqcLog
{
    bool IsDebugEnabled { get; }

    /// <summary>False when nobody reads verbose lines: the hot path then skips formatting them.</summary>
    bool IsVerboseEnabled { get; }

    void Verbose(string message);

    void Debug(string message);
}

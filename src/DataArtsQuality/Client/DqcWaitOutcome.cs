namespace DataArtsQuality.Client;

/// <summary>How the wait for one instance ended.</summary>
/// <param name="InstanceId">The instance waited for.</param>
/// <param name="Kind">Finished, timed out or not found.</param>
/// <param name="Instance">The instance as last listed; null when it was never seen.</param>
internal sealed record DqcWaitOutcome(string InstanceId, DqcWaitOutcomeKind Kind, DqcInstance? Instance)
{
    /// <summary>The last run status seen, or null when the instance was never seen.</summary>
    public string? LastStatus => Instance?.RunStatus;
}

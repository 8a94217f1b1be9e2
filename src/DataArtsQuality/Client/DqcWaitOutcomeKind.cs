namespace DataArtsQuality.Client;

internal enum DqcWaitOutcomeKind
{
    /// <summary>The instance reached a verdict: SUCCESS, ALARMING or FAILED.</summary>
    Finished,
    /// <summary>The timeout passed before a verdict (the instance was RUNNING, SUSPENDING, ... or not yet
    /// seen).</summary>
    TimedOut,
    /// <summary>The instance never showed up in the instance list within the search window.</summary>
    NotFound,
}

namespace DataArtsQuality.Client;

/// <summary>An instance to wait for.</summary>
internal sealed class DqcWaitTarget
{
    public DqcWaitTarget(string instanceId, DateTimeOffset? startedAfter = null, DqcInstance? known = null)
    {
        InstanceId = instanceId ?? throw new ArgumentNullException(nameof(instanceId));
        StartedAfter = startedAfter;
        Known = known;
    }

    public string InstanceId { get; }

    /// <summary>A time at or before the run's start (its StartTime, or when the rerun was submitted); narrows the
    /// search.</summary>
    public DateTimeOffset? StartedAfter { get; }

    /// <summary>What the caller already knows (e.g. Restart-DqcJob's output); its SubmittedAt is carried
    /// over.</summary>
    public DqcInstance? Known { get; }
}

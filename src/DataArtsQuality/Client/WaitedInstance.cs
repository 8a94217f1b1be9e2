namespace DataArtsQuality.Client;

/// <summary>
/// One instance an <see cref="InstanceWait"/> waits for: waiting until it has an <see cref="Outcome"/>, which is
/// then never changed. While it waits, it keeps what the list showed of it last and how many whole-list polls in a
/// row did not show it.
/// </summary>
internal sealed class WaitedInstance
{
    public WaitedInstance(DqcWaitTarget target) => Target = target;

    public DqcWaitTarget Target { get; }

    public string Id => Target.InstanceId;

    /// <summary>What the list showed of it last, with what the caller knew filled in; null: never seen.</summary>
    public DqcInstance? LastSeen { get; private set; }

    /// <summary>Whole-list polls in a row that did not show it (one that shows it starts it again).</summary>
    public int MissedPolls { get; private set; }

    /// <summary>Null while it is waited for.</summary>
    public DqcWaitOutcome? Outcome { get; private set; }

    public bool IsWaiting => Outcome is null;

    /// <summary>The list showed it: its status and times, and what only the caller knew where it lacks.</summary>
    public void Listed(DqcInstance listed)
    {
        var known = Target.Known;
        if (known != null)
        {
            listed.SubmittedAt ??= known.SubmittedAt;
            if (string.IsNullOrEmpty(listed.RuleId)) listed.RuleId = known.RuleId;
        }
        LastSeen = listed;
    }

    /// <summary>A poll showed it: finished once its status is a verdict. True when that decided it.</summary>
    public bool Seen()
    {
        MissedPolls = 0;
        if (!InstanceWaiter.IsTerminal(LastSeen?.RunStatus)) return false;
        Decide(DqcWaitOutcomeKind.Finished);
        return true;
    }

    /// <summary>
    /// A poll that read the whole list did not show it: not found after <paramref name="limit"/> such polls in a
    /// row. True when that decided it.
    /// </summary>
    public bool Missed(int limit)
    {
        if (++MissedPolls < limit) return false;
        Decide(DqcWaitOutcomeKind.NotFound);
        return true;
    }

    /// <summary>The wait's time ran out while it was waited for.</summary>
    public void TimedOut() => Decide(DqcWaitOutcomeKind.TimedOut);

    private void Decide(DqcWaitOutcomeKind kind)
    {
        if (Outcome != null) throw new InvalidOperationException($"Instance {Id} has an outcome already.");
        Outcome = new DqcWaitOutcome(Id, kind, LastSeen);
    }
}

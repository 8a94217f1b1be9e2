namespace DataArtsQuality.Client;

/// <summary>
/// The state of one wait across its polls: the waited instances (each ID once, in the order given), the window
/// of the instance list the polls walk, and which instances are still waited for.
/// </summary>
internal sealed class InstanceWait
{
    private readonly List<WaitedInstance> _ordered = new List<WaitedInstance>();
    private readonly Dictionary<string, WaitedInstance> _byId =
        new Dictionary<string, WaitedInstance>(StringComparer.Ordinal);
    private readonly int _notFoundAfterPolls;

    public InstanceWait(IEnumerable<DqcWaitTarget> targets, DqcWaitOptions options)
    {
        foreach (var target in targets)
        {
            if (_byId.ContainsKey(target.InstanceId)) continue;
            var waited = new WaitedInstance(target);
            _byId[target.InstanceId] = waited;
            _ordered.Add(waited);
        }
        Waiting = _ordered.Count;
        var now = DateTimeOffset.Now;
        // From just before the earliest start, so the first poll already lists every instance.
        WindowStart = _ordered.Count == 0 ? now
            : _ordered.Select(w => w.Target.StartedAfter ?? now - options.DefaultLookBack).Min()
                - options.ClockSkew;
        _notFoundAfterPolls = Math.Max(1, options.NotFoundAfterPolls);
    }

    /// <summary>Where the instance list is walked from.</summary>
    public DateTimeOffset WindowStart { get; }

    /// <summary>Instances still waited for.</summary>
    public int Waiting { get; private set; }

    public int Total => _ordered.Count;

    public bool IsWaitingFor(string instanceId) => _byId.TryGetValue(instanceId, out var w) && w.IsWaiting;

    /// <summary>A poll listed a waited instance.</summary>
    public void Listed(DqcInstance instance) => _byId[instance.InstanceId].Listed(instance);

    /// <summary>
    /// After a poll: an instance it saw is finished once its status is a verdict; one it did not see is not found
    /// after enough whole-list polls in a row. Returns the instances decided now.
    /// </summary>
    public List<WaitedInstance> Decide(InstancePoll poll)
    {
        var decided = new List<WaitedInstance>();
        foreach (var waited in _ordered.Where(w => w.IsWaiting))
        {
            bool done = poll.Saw(waited.Id) ? waited.Seen()
                : poll.Reach == InstancePollReach.WholeList && waited.Missed(_notFoundAfterPolls);
            if (done) decided.Add(waited);
        }
        Waiting -= decided.Count;
        return decided;
    }

    /// <summary>The time ran out: every instance still waited for has timed out. Returns them.</summary>
    public List<WaitedInstance> TimeOut()
    {
        var decided = _ordered.Where(w => w.IsWaiting).ToList();
        foreach (var waited in decided) waited.TimedOut();
        Waiting = 0;
        return decided;
    }

    /// <summary>What the wait looks like after a poll that decided <paramref name="decided"/>.</summary>
    public DqcWaitProgress Progress(TimeSpan elapsed, int polls, int requests, List<WaitedInstance> decided)
    {
        var newOutcomes = _ordered.Where(decided.Contains).Select(w => w.Outcome!).ToList();
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var waited in _ordered)
        {
            string? listed = waited.LastSeen?.RunStatus;
            string status = string.IsNullOrEmpty(listed) ? InstanceWaiter.NotSeen : listed!;
            counts[status] = counts.TryGetValue(status, out int c) ? c + 1 : 1;
        }
        return new DqcWaitProgress(elapsed, Total, Total - Waiting, counts, polls, requests, newOutcomes,
            Waiting == 0);
    }

    /// <summary>One outcome per instance, in the order given; call once nothing is waited for.</summary>
    public IReadOnlyList<DqcWaitOutcome> Outcomes() => _ordered.Select(w => w.Outcome!).ToList();
}

namespace DataArtsQuality.Models;

/// <summary>
/// One rerun that Restart-DqcJob sent (Get-DqcRerun): the job, when it was sent and on which connection, what is
/// known of its outcome and how the user was told of it.
/// </summary>
/// <remarks>
/// Invariants (the exactly-once reporting rests on them):
/// <list type="bullet">
/// <item>A record exists for every request that went on the wire, and is made before it goes
/// (<c>DqcRerunBatch</c>).</item>
/// <item><see cref="ReportedAs"/> leaves <see cref="DqcRerunReport.NotYet"/> once, through <see cref="TryReport"/>,
/// and only after the write that reports it returned: a write that throws leaves it NotYet for someone else.</item>
/// <item><see cref="State"/> moves from InFlight to one answer, from InDoubt to Found or NotFound, and from NotFound
/// to Found (a run that was not listed yet at the first look); no other move.</item>
/// </list>
/// </remarks>
public sealed class DqcRerun
{
    private readonly object _gate = new object();
    // Held while a report is written, apart from _gate, so a slow consumer downstream never blocks a reader of State.
    private readonly object _reportGate = new object();
    private DqcRerunState _state = DqcRerunState.InFlight;
    private DqcRerunReport _reportedAs = DqcRerunReport.NotYet;
    private string? _instanceId;
    private string? _detail;

    internal DqcRerun(string ruleId, DqcRuleType ruleType, string? jobName, DateTimeOffset sentAt, string connection,
        string workspaceId)
    {
        RuleId = ruleId;
        RuleType = ruleType;
        JobName = jobName;
        SentAt = sentAt;
        Connection = connection;
        WorkspaceId = workspaceId;
    }

    /// <summary>The job that was re-run.</summary>
    public string RuleId { get; }

    /// <summary>The same as RuleId.</summary>
    public string JobId => RuleId;

    public DqcRuleType RuleType { get; }

    /// <summary>The job's name when the rerun came from Get-DqcJob output; else null.</summary>
    public string? JobName { get; }

    /// <summary>When the request went on the wire (this machine's clock).</summary>
    public DateTimeOffset SentAt { get; }

    /// <summary>The name of the connection it was sent on.</summary>
    public string Connection { get; }

    public string WorkspaceId { get; }

    /// <summary>The new run: from the service's answer, or found by Resolve-DqcRerun; null while unknown.</summary>
    public string? InstanceId { get { lock (_gate) return _instanceId; } }

    /// <summary>The Restart-DqcJob invocation (its batch) that sent it; not shown.</summary>
    internal object? Batch { get; set; }

    public DqcRerunState State { get { lock (_gate) return _state; } }

    public DqcRerunReport ReportedAs { get { lock (_gate) return _reportedAs; } }

    /// <summary>Why it is refused or in doubt, or what the look for its run found; null when started.</summary>
    public string? Detail { get { lock (_gate) return _detail; } }

    /// <summary>Whether the outcome is still open: in flight, in doubt, or looked for and not found (yet).</summary>
    public bool IsOpen
        => State == DqcRerunState.InFlight || State == DqcRerunState.InDoubt || State == DqcRerunState.NotFound;

    /// <summary>The answer came: the run started as <paramref name="instanceId"/>.</summary>
    internal void Started(string instanceId) => Settle(DqcRerunState.InFlight, DqcRerunState.Started, instanceId, null);

    internal void Refused(string detail) => Settle(DqcRerunState.InFlight, DqcRerunState.Refused, null, detail);

    internal void InDoubt(string detail) => Settle(DqcRerunState.InFlight, DqcRerunState.InDoubt, null, detail);

    /// <summary>The look for the run of an in-doubt rerun found it.</summary>
    internal bool Found(string instanceId, string detail) =>
        Settle(DqcRerunState.InDoubt, DqcRerunState.Found, instanceId, detail) || Settle(DqcRerunState.NotFound,
            DqcRerunState.Found, instanceId, detail);

    internal bool NotFound(string detail) => Settle(DqcRerunState.InDoubt, DqcRerunState.NotFound, null, detail);

    private bool Settle(DqcRerunState from, DqcRerunState to, string? instanceId, string? detail)
    {
        lock (_gate)
        {
            if (_state != from) return false;
            _state = to;
            if (instanceId != null) _instanceId = instanceId;
            _detail = detail;
            return true;
        }
    }

    /// <summary>
    /// Reports the rerun as <paramref name="how"/> by running <paramref name="write"/>, unless it was reported already
    /// (then false, and nothing is written). <paramref name="wait"/> bounds how long to wait for a report in progress
    /// elsewhere; past it the rerun counts as reported by that one (it is being handed to the pipeline).
    /// </summary>
    internal bool TryReport(DqcRerunReport how, Action write, TimeSpan? wait = null)
    {
        if (!Monitor.TryEnter(_reportGate, wait ?? Timeout.InfiniteTimeSpan)) return false;
        try
        {
            if (ReportedAs != DqcRerunReport.NotYet) return false;
            write();
            lock (_gate) _reportedAs = how;
            return true;
        }
        finally
        {
            Monitor.Exit(_reportGate);
        }
    }

    public override string ToString() => $"{RuleId} -> {InstanceId ?? State.ToString()}";
}

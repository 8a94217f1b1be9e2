namespace DataArtsQuality.Client.Reruns;

/// <summary>
/// Decides conditional reruns for one Restart-DqcJob invocation: has the job started a run since the reference?
/// Every item is answered from ONE walk of the workspace's instance list over the window [from, the walk], so a
/// batch of N items costs the listing of that window, not N listings. An item whose reference is earlier than the
/// window widens it: the new window starts at the reference or at twice the old window's span back, whichever is
/// earlier, so references arriving newest first (Get-DqcInstance's order) cost a few walks, not one each.
/// </summary>
/// <remarks>
/// Not atomic: a run started by someone else after the walk is not seen (the service has no conditional rerun;
/// the check and the send are two requests). The reruns this process sent are seen through the record of reruns,
/// so a job given twice, or a runbook run again in the same session, is started once.
/// Used from the pipeline thread only (ProcessRecord): no lock.
/// </remarks>
internal sealed class DqcNewerRunCheck
{
    private readonly Func<DateTimeOffset, CancellationToken, Task<DqcRunWalk>> _walk;
    private readonly Func<DateTimeOffset> _now;
    private readonly DqcRerunHistory _history;
    private Dictionary<(string, DqcRuleType), List<DqcInstance>> _runs = new Dictionary<(string, DqcRuleType), List<DqcInstance>>();
    private DateTimeOffset? _from;
    private DateTimeOffset _walkedAt;

    private readonly Func<DqcRerun, bool> _sentHere;

    /// <param name="walk">One walk of the instance list from a time.</param>
    /// <param name="history">The process's record of reruns.</param>
    /// <param name="sentHere">Whether a rerun is one this invocation sent (its run is not in a walk made before
    /// it).</param>
    /// <param name="now">The clock (tests).</param>
    public DqcNewerRunCheck(Func<DateTimeOffset, CancellationToken, Task<DqcRunWalk>> walk, DqcRerunHistory history,
        Func<DqcRerun, bool>? sentHere = null, Func<DateTimeOffset>? now = null)
    {
        _walk = walk;
        _history = history;
        _sentHere = sentHere ?? (_ => false);
        _now = now ?? (() => DateTimeOffset.Now);
    }

    /// <summary>For a client: one listing of the workspace's instances since the window's start.</summary>
    public static DqcNewerRunCheck For(DqcClient client, DqcRerunHistory history, Func<DqcRerun, bool> sentHere)
        => new DqcNewerRunCheck(
        (from, ct) => DqcRunWalk.ListAsync(client.ListInstances(new DqcInstanceQuery { After = from }), from, ct),
        history, sentHere) { WorkspaceId = client.Connection.WorkspaceId };

    /// <summary>The workspace checked: only its reruns count (null: every rerun of the record, in tests).</summary>
    public string? WorkspaceId { get; set; }

    /// <summary>The walks made so far.</summary>
    public int Walks { get; private set; }

    /// <summary>The listing requests made so far.</summary>
    public int Requests { get; private set; }

    /// <summary>Whether job <paramref name="ruleId"/> has started a run since <paramref name="condition"/>'s
    /// reference.</summary>
    public async Task<DqcConditionOutcome> DecideAsync(string ruleId, DqcRuleType ruleType, DqcRerunCondition condition,
        CancellationToken cancellationToken)
    {
        var sent = RerunSentSince(ruleId, ruleType, condition);
        if (sent != null) return DqcConditionOutcome.Sent(sent);
        await CoverAsync(condition.NewerFrom, cancellationToken).ConfigureAwait(false);
        var newer = Newest(ruleId, ruleType, condition);
        return newer is null ? DqcConditionOutcome.Start : DqcConditionOutcome.Newer(newer);
    }

    /// <summary>
    /// A rerun of the job sent after the reference whose run a walk may not show: one this invocation sent, or one of
    /// this process still without an instance ID (in flight, in doubt). A settled rerun of an earlier invocation is
    /// left to the walk: the service is the truth for runs it lists. This machine's clock against the reference: a
    /// service clock behind ours makes this lean to "sent", in favour of not running the job twice), not refused, not
    /// looked for and not found (its run did not show in the job's instances: a caller may send it again on purpose)
    /// and not the reference run itself.
    /// </summary>
    private DqcRerun? RerunSentSince(string ruleId, DqcRuleType ruleType, DqcRerunCondition condition)
    {
        return _history.Snapshot().Where(r => (r.InstanceId is null || _sentHere(r)) && r.RuleId == ruleId
            && (WorkspaceId is null || r.WorkspaceId == WorkspaceId) && r.RuleType == ruleType && r.State != DqcRerunState.Refused && r.State != DqcRerunState.NotFound && r.SentAt >= condition.NewerFrom
            && (condition.ReferenceInstanceId is null || r.InstanceId != condition.ReferenceInstanceId))
            .OrderByDescending(r => r.SentAt).FirstOrDefault();
    }

    private async Task CoverAsync(DateTimeOffset from, CancellationToken cancellationToken)
    {
        if (_from.HasValue && from >= _from.Value) return;
        var start = from;
        if (_from.HasValue)
        {
            var doubled = _from.Value - TimeSpan.FromTicks(2 * Math.Max(0, (_walkedAt - _from.Value).Ticks));
            if (doubled < start) start = doubled;
        }
        var walkedAt = _now();
        var walk = await _walk(start, cancellationToken).ConfigureAwait(false);
        Walks++;
        Requests += walk.Requests;
        _runs = walk.Runs.GroupBy(i => (i.RuleId, i.RuleType)).ToDictionary(g => g.Key, g => g.ToList());
        _from = start;
        _walkedAt = walkedAt;
    }

    /// <summary>The newest run of the job that started after the reference (a run not started yet counts: it is
    /// new).</summary>
    private DqcInstance? Newest(string ruleId, DqcRuleType ruleType, DqcRerunCondition condition)
    {
        if (!_runs.TryGetValue((ruleId, ruleType), out var runs)) return null;
        return runs.Where(i => i.InstanceId != condition.ReferenceInstanceId
                && (i.StartTime is null || (
                    condition.CallersClock ? i.StartTime >= condition.NewerFrom : i.StartTime > condition.Since)))
            .OrderByDescending(i => i.StartTime ?? DateTimeOffset.MaxValue).FirstOrDefault();
    }
}

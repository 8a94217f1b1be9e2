namespace DataArtsQuality.Client.Reruns;

/// <summary>
/// Looks for the runs of reruns in doubt: ONE walk of ListInstances over the window from just before the earliest
/// send, shared by every rerun looked for. A rerun's run is an instance of its job (task_id) and rule type that
/// started after the send (or, failing that, at most <see cref="ClockSkew"/> before it) and that no record of this
/// process names: a run the module already knows of is never taken, and each run goes to one rerun, the earliest
/// sent first.
/// </summary>
/// <remarks>
/// Invariant: a run is given to at most one record of the process. Assigning happens under <see cref="ClaimGate"/>,
/// and the instance IDs already taken are read from the history inside it, so two looks running at once (two
/// runspaces, Resolve-DqcRerun beside a Restart-DqcJob) never give the same run to two reruns.
/// </remarks>
internal static class DqcRerunResolver
{
    /// <summary>
    /// How far the service's clock may be behind this machine's: a run that started up to this long before the send
    /// (by the service's clock) still counts when none started after it. [inf] the service's clock is not
    /// documented; two minutes covers an unsynchronised workstation and stays far below the hours between a job's
    /// scheduled runs.
    /// </summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How far before the send a run may start and still count as "after" it on every look: the service gives start
    /// times in whole milliseconds, and on a fast path it starts the run within the millisecond the request was
    /// sent in; one second also covers the tens of milliseconds two NTP-synchronised clocks differ by.
    /// </summary>
    public static readonly TimeSpan NearSkew = TimeSpan.FromSeconds(1);

    private static readonly object ClaimGate = new object();

    /// <summary>Resolves <paramref name="reruns"/> (all of one workspace); returns the listing requests it
    /// made.</summary>
    public static async Task<int> ResolveAsync(DqcClient client, IReadOnlyList<DqcRerun> reruns,
        DqcRerunHistory history,
        CancellationToken cancellationToken)
    {
        var open = reruns.Where(r => r.State == DqcRerunState.InDoubt || r.State == DqcRerunState.NotFound).ToList();
        if (open.Count == 0) return 0;
        var walk = await WalkAsync(client, open, history, cancellationToken).ConfigureAwait(false);
        Assign(open, walk, history, _ => true);
        return walk.Requests;
    }

    /// <summary>One walk of the instances since the earliest send (less the skew), of the jobs of <paramref
    /// name="open"/>.</summary>
    public static async Task<DqcRunWalk> WalkAsync(DqcClient client, IReadOnlyList<DqcRerun> open,
        DqcRerunHistory history,
        CancellationToken cancellationToken)
    {
        var jobs = new HashSet<string>(open.Select(r => r.RuleId), StringComparer.Ordinal);
        var known = KnownInstanceIds(history);
        var after = open.Min(r => r.SentAt) - ClockSkew;
        var pager = client.ListInstances(new DqcInstanceQuery { After = after }, 0, null,
            i => jobs.Contains(i.RuleId) && !known.Contains(i.InstanceId));
        return await DqcRunWalk.ListAsync(pager, after, cancellationToken).ConfigureAwait(false);
    }

    private static HashSet<string> KnownInstanceIds(DqcRerunHistory history) => KnownInstanceIds(history.Snapshot());

    private static HashSet<string> KnownInstanceIds(IReadOnlyList<DqcRerun> records) =>
        new HashSet<string>(records.Select(r => r.InstanceId).Where(id => id != null).Select(id => id!),
            StringComparer.Ordinal);

    /// <summary>
    /// Gives each open rerun (the earliest sent first) a run of its job from <paramref name="walk"/> that no record
    /// names: the earliest that started at or after its send, else the latest that started within the skew before
    /// it. The others become NotFound, saying what was looked at. Returns the run found for each rerun, or null.
    /// A rerun for which <paramref name="isLastLook"/> is false takes only a run that started after its send and is
    /// left as it is when none did: a run from within the skew before the send is more likely a run of the job that
    /// is not ours (a scheduled one, or the failed run being re-run) than ours, so it is taken only when no later
    /// look can show the right one.
    /// </summary>
    internal static IReadOnlyDictionary<DqcRerun, DqcInstance?> Assign(IReadOnlyList<DqcRerun> open, DqcRunWalk walk,
        DqcRerunHistory history,
        Func<DqcRerun, bool> isLastLook)
    {
        var found = new Dictionary<DqcRerun, DqcInstance?>();
        lock (ClaimGate)
        {
            var records = history.Snapshot();
            // Read before the IDs: a record seen past InFlight here has its instance ID set, so it is in `taken`.
            var busy = records.Where(r => r.State == DqcRerunState.InFlight).ToList();
            var taken = KnownInstanceIds(records);
            foreach (var rerun in open.OrderBy(r => r.SentAt))
            {
                var run = AssignOne(rerun, walk, taken, records, busy, isLastLook(rerun));
                if (run != null) taken.Add(run.InstanceId);
                if (run != null || rerun.State != DqcRerunState.Found) found[rerun] = run;
            }
        }
        return found;
    }

    /// <summary>
    /// One rerun's share of <see cref="Assign"/>. While another rerun of the same job awaits its answer, the runs
    /// listed may be that one's (its instance ID is not known yet), so none is taken: a later look decides.
    /// </summary>
    private static DqcInstance? AssignOne(DqcRerun rerun, DqcRunWalk walk, HashSet<string> taken,
        IReadOnlyList<DqcRerun> records,
        IReadOnlyList<DqcRerun> busy, bool last)
    {
        bool sameJobAwaited = busy.Any(
            r => !ReferenceEquals(r, rerun) && r.RuleId == rerun.RuleId && r.RuleType == rerun.RuleType);
        var earlierOpen = EarlierOpen(rerun, records);
        var run = sameJobAwaited ? null : Pick(rerun,
            walk.Runs.Where(i => !taken.Contains(i.InstanceId) && !MaybeTheirs(i, rerun, earlierOpen)), last);
        if (run != null && rerun.Found(run.InstanceId, string.Format(CultureInfo.InvariantCulture,
            "Its run was found among the job's instances: {0}, started {1:yyyy-MM-dd HH:mm:ss zzz}.", run.InstanceId,
            run.StartTime)))
            return run;
        // a later look, or found by another look meanwhile
        if (!last || rerun.State == DqcRerunState.Found) return null;
        rerun.NotFound(sameJobAwaited
            ? "Other reruns of the job were still awaiting their answers at the last look, so its run could not be told from theirs."
            : string.Format(CultureInfo.InvariantCulture,
                "No run of the job that started after {0:yyyy-MM-dd HH:mm:ss zzz} (the send, less {1:0} s for clock skew) was listed; {2} listing request(s) covered the runs since {3:yyyy-MM-dd HH:mm:ss zzz}.",
                rerun.SentAt, ClockSkew.TotalSeconds, walk.Requests, walk.After));
        return null;
    }

    /// <summary>The other open reruns of the same job, sent before <paramref name="rerun"/>.</summary>
    private static List<DqcRerun> EarlierOpen(DqcRerun rerun, IReadOnlyList<DqcRerun> records)
        => records.Where(r => !ReferenceEquals(r, rerun)
        && r.IsOpen && r.RuleId == rerun.RuleId && r.RuleType == rerun.RuleType && r.SentAt <= rerun.SentAt).ToList();

    /// <summary>
    /// Whether a run that started before <paramref name="rerun"/>'s send may be the run of an earlier open rerun of
    /// the job (it started after that one's send): then it is not guessed to be this one's with a skewed clock;
    /// Resolve-DqcRerun, which looks for both, gives each its own.
    /// </summary>
    private static bool MaybeTheirs(DqcInstance run, DqcRerun rerun, List<DqcRerun> earlierOpen) =>
        run.StartTime < rerun.SentAt - NearSkew && earlierOpen.Any(o => run.StartTime >= o.SentAt - NearSkew);

    /// <summary>The run most likely started by <paramref name="rerun"/> among <paramref name="runs"/>.</summary>
    private static DqcInstance? Pick(DqcRerun rerun, IEnumerable<DqcInstance> runs, bool mayTakeEarlier)
    {
        var ofJob = runs.Where(i => i.RuleId == rerun.RuleId && i.RuleType == rerun.RuleType).ToList();
        // A run without a start time is one the service has not started yet: it can only be a new one.
        var after = ofJob.Where(i => i.StartTime is null || i.StartTime >= rerun.SentAt - NearSkew)
            .OrderBy(i => i.StartTime ?? DateTimeOffset.MaxValue).FirstOrDefault();
        if (after != null || !mayTakeEarlier) return after;
        // The service's clock may be behind: the nearest run before the send, within the skew (not a scheduled run
        // that started a minute earlier when a later one exists).
        return ofJob.Where(i => i.StartTime >= rerun.SentAt - ClockSkew).OrderByDescending(i => i.StartTime)
            .FirstOrDefault();
    }
}

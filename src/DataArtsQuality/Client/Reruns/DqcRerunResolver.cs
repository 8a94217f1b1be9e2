namespace DataArtsQuality.Client.Reruns
{
    /// <summary>
    /// Looks for the runs of reruns in doubt: ONE walk of ListInstances over the window from just before the earliest
    /// send, shared by every rerun looked for. A rerun's run is an instance of its job (task_id) and rule type that
    /// started no earlier than <see cref="ClockSkew"/> before the send and that no other record of this process names
    /// (a run the module already knows of is never taken); each run goes to one rerun, the earliest sent first.
    /// </summary>
    internal static class DqcRerunResolver
    {
        /// <summary>
        /// How far the service's clock may be behind this machine's: a run that started up to this long before the send
        /// (by the service's clock) still counts. [inf] the service's clock is not documented; two minutes covers an
        /// unsynchronised workstation and stays far below the hours between a job's scheduled runs.
        /// </summary>
        public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

        /// <summary>Resolves <paramref name="reruns"/> (all of one workspace); returns the listing requests it made.</summary>
        public static async Task<int> ResolveAsync(DqcClient client, IReadOnlyList<DqcRerun> reruns, IEnumerable<string> knownInstanceIds,
            CancellationToken cancellationToken)
        {
            var open = reruns.Where(r => r.State == DqcRerunState.InDoubt || r.State == DqcRerunState.NotFound).OrderBy(r => r.SentAt).ToList();
            if (open.Count == 0) return 0;
            var jobs = new HashSet<string>(open.Select(r => r.RuleId), StringComparer.Ordinal);
            var known = new HashSet<string>(knownInstanceIds, StringComparer.Ordinal);
            var after = open[0].SentAt - ClockSkew;
            var pager = client.ListInstances(new DqcInstanceQuery { After = after }, 0, null, i => jobs.Contains(i.RuleId) && !known.Contains(i.InstanceId));
            var candidates = new List<DqcInstance>();
            while (!pager.IsDone)
            {
                var page = await pager.NextPageAsync(cancellationToken).ConfigureAwait(false);
                if (page is null) break;
                candidates.AddRange(page);
            }
            Assign(open, candidates, after, pager.Requests);
            return pager.Requests;
        }

        /// <summary>Gives each rerun the earliest unclaimed run of its job that started after its send (less the skew).</summary>
        internal static void Assign(IReadOnlyList<DqcRerun> open, IReadOnlyList<DqcInstance> candidates, DateTimeOffset after, int requests)
        {
            var taken = new HashSet<string>(StringComparer.Ordinal);
            var ordered = candidates.OrderBy(i => i.StartTime ?? DateTimeOffset.MaxValue).ToList();
            foreach (var rerun in open)
            {
                var run = ordered.FirstOrDefault(i => i.RuleId == rerun.RuleId && i.RuleType == rerun.RuleType && !taken.Contains(i.InstanceId)
                    && (i.StartTime is null || i.StartTime >= rerun.SentAt - ClockSkew));
                if (run != null)
                {
                    taken.Add(run.InstanceId);
                    rerun.Found(run.InstanceId, string.Format(CultureInfo.InvariantCulture,
                        "Its run was found among the job's instances: {0}, started {1:yyyy-MM-dd HH:mm:ss zzz}.", run.InstanceId, run.StartTime));
                }
                else
                {
                    rerun.NotFound(string.Format(CultureInfo.InvariantCulture,
                        "No run of the job that started after {0:yyyy-MM-dd HH:mm:ss zzz} (the send, less {1:0} s for clock skew) was listed; {2} listing request(s) covered the runs since {3:yyyy-MM-dd HH:mm:ss zzz}.",
                        rerun.SentAt, ClockSkew.TotalSeconds, requests, after));
                }
            }
        }
    }
}

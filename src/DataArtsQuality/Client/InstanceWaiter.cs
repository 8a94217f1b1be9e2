using System.Diagnostics;

namespace DataArtsQuality.Client
{
    /// <summary>
    /// Waits for instances to reach a verdict (SUCCESS, ALARMING or FAILED). The API has no get-one-instance call and no job or instance filter, so
    /// each poll is ONE walk of ListInstances over a time window (from just before the earliest start) that stops as
    /// soon as every waited instance was seen: many instances share the same pages, and the request count grows with
    /// the number of polls, not with instances × polls (the service allows 40 user requests per 10 s).
    /// </summary>
    internal sealed class InstanceWaiter
    {
        public const string NotSeen = "NOT_SEEN";

        private readonly DqcClient _client;
        private readonly Func<TimeSpan, CancellationToken, Task> _delay;

        public InstanceWaiter(DqcClient client, Func<TimeSpan, CancellationToken, Task>? delay = null)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
            _delay = delay ?? ((t, ct) => Task.Delay(t, ct));
        }

        /// <summary>The run statuses that are a verdict (InstanceOverviewVo: SUCCESS normal, ALARMING alarm, FAILED).</summary>
        public static readonly IReadOnlyList<string> FinalStatuses = new[] { "SUCCESS", "ALARMING", "FAILED" };

        /// <summary>
        /// True only for a verdict. RUNNING, SUSPENDING, UNKNOWN, an empty status and any value the docs do not list
        /// keep the wait going until the timeout, whose error names the last status seen.
        /// </summary>
        public static bool IsTerminal(string? runStatus)
        {
            if (string.IsNullOrEmpty(runStatus)) return false;
            foreach (string final in FinalStatuses)
                if (string.Equals(runStatus!.Trim(), final, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }

        /// <summary>
        /// Polls until every target reached a verdict, the timeout passed or the caller cancels. <paramref name="onPoll"/>
        /// runs after every poll (on the caller's async context). Returns one outcome per distinct instance ID, in
        /// the order given.
        /// </summary>
        public async Task<IReadOnlyList<DqcWaitOutcome>> WaitAsync(IEnumerable<DqcWaitTarget> targets, DqcWaitOptions options,
            Action<DqcWaitProgress>? onPoll, CancellationToken cancellationToken)
        {
            if (options is null) throw new ArgumentNullException(nameof(options));
            var ordered = new List<DqcWaitTarget>();
            var byId = new Dictionary<string, DqcWaitTarget>(StringComparer.Ordinal);
            foreach (var t in targets)
            {
                if (byId.ContainsKey(t.InstanceId)) continue;
                byId[t.InstanceId] = t;
                ordered.Add(t);
            }

            var watch = Stopwatch.StartNew();
            var now = DateTimeOffset.Now;
            var windowStart = ordered.Count == 0 ? now
                : ordered.Select(t => t.StartedAfter ?? now - options.DefaultLookBack).Min() - options.ClockSkew;

            var lastSeen = new Dictionary<string, DqcInstance>(StringComparer.Ordinal);
            var missing = new Dictionary<string, int>(StringComparer.Ordinal);
            var outcomes = new Dictionary<string, DqcWaitOutcome>(StringComparer.Ordinal);
            var pending = new HashSet<string>(ordered.Select(t => t.InstanceId), StringComparer.Ordinal);
            int polls = 0, requests = 0;

            while (pending.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                polls++;
                var seenThisPoll = new HashSet<string>(StringComparer.Ordinal);
                var pager = _client.ListInstances(new DqcInstanceQuery { After = windowStart },
                    filter: i => pending.Contains(i.InstanceId) && !seenThisPoll.Contains(i.InstanceId));
                bool complete;
                while (true)
                {
                    var page = await pager.NextPageAsync(cancellationToken).ConfigureAwait(false);
                    if (page is null) { complete = true; break; }
                    foreach (var instance in page)
                    {
                        seenThisPoll.Add(instance.InstanceId);
                        lastSeen[instance.InstanceId] = Merge(instance, byId[instance.InstanceId].Known);
                    }
                    if (seenThisPoll.Count >= pending.Count)
                    {
                        complete = false;   // everything found: no need to read further pages
                        pager.Stop();
                        break;
                    }
                }
                requests += pager.Requests;
                _client.Log.Verbose($"wait poll {polls}: {seenThisPoll.Count} of {pending.Count} waited instances listed in {pager.Requests} request(s)");

                var decided = new List<string>();
                foreach (string id in pending)
                {
                    if (seenThisPoll.Contains(id))
                    {
                        missing.Remove(id);
                        if (IsTerminal(lastSeen[id].RunStatus))
                        {
                            outcomes[id] = new DqcWaitOutcome(id, DqcWaitOutcomeKind.Finished, lastSeen[id]);
                            decided.Add(id);
                        }
                    }
                    else if (complete)
                    {
                        missing[id] = missing.TryGetValue(id, out int n) ? n + 1 : 1;
                        if (missing[id] >= Math.Max(1, options.NotFoundAfterPolls))
                        {
                            outcomes[id] = new DqcWaitOutcome(id, DqcWaitOutcomeKind.NotFound, lastSeen.TryGetValue(id, out var last) ? last : null);
                            decided.Add(id);
                        }
                    }
                }
                foreach (string id in decided) pending.Remove(id);

                bool timedOut = pending.Count > 0 && watch.Elapsed >= options.Timeout;
                if (timedOut)
                {
                    foreach (string id in pending)
                    {
                        outcomes[id] = new DqcWaitOutcome(id, DqcWaitOutcomeKind.TimedOut, lastSeen.TryGetValue(id, out var last) ? last : null);
                        decided.Add(id);
                    }
                    pending.Clear();
                }

                if (onPoll != null)
                {
                    var newOutcomes = ordered.Where(t => decided.Contains(t.InstanceId)).Select(t => outcomes[t.InstanceId]).ToList();
                    var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
                    foreach (var t in ordered)
                    {
                        string status = lastSeen.TryGetValue(t.InstanceId, out var i) && !string.IsNullOrEmpty(i.RunStatus) ? i.RunStatus! : NotSeen;
                        counts[status] = counts.TryGetValue(status, out int c) ? c + 1 : 1;
                    }
                    onPoll(new DqcWaitProgress(watch.Elapsed, ordered.Count, outcomes.Count, counts, polls, requests, newOutcomes, pending.Count == 0));
                }

                if (pending.Count == 0) break;
                var left = options.Timeout - watch.Elapsed;
                var pause = left < options.PollInterval ? left : options.PollInterval;
                if (pause > TimeSpan.Zero)
                    await _delay(pause, cancellationToken).ConfigureAwait(false);
            }

            return ordered.Select(t => outcomes[t.InstanceId]).ToList();
        }

        private static DqcInstance Merge(DqcInstance listed, DqcInstance? known)
        {
            if (known != null)
            {
                listed.SubmittedAt ??= known.SubmittedAt;
                if (string.IsNullOrEmpty(listed.RuleId)) listed.RuleId = known.RuleId;
            }
            return listed;
        }
    }
}

using System.Diagnostics;

namespace DataArtsQuality.Client;

/// <summary>
/// Waits for instances to reach a verdict (SUCCESS, ALARMING or FAILED). The API has no get-one-instance call and no
/// job or instance filter, so each poll is ONE walk of ListInstances over a time window (from just before the earliest
/// start) that stops as soon as every waited instance was seen: many instances share the same pages, and the request
/// count grows with the number of polls, not with instances × polls (the service allows 40 user requests per 10 s).
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

    /// <summary>The run statuses that are a verdict (InstanceOverviewVo: SUCCESS normal, ALARMING alarm,
    /// FAILED).</summary>
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
    public async Task<IReadOnlyList<DqcWaitOutcome>> WaitAsync(IEnumerable<DqcWaitTarget> targets,
        DqcWaitOptions options, Action<DqcWaitProgress>? onPoll, CancellationToken cancellationToken)
    {
        if (options is null) throw new ArgumentNullException(nameof(options));
        var watch = Stopwatch.StartNew();
        var wait = new InstanceWait(targets, options);
        int polls = 0, requests = 0;
        while (wait.Waiting > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            polls++;
            int waiting = wait.Waiting;
            var poll = await PollAsync(wait, cancellationToken).ConfigureAwait(false);
            requests += poll.Requests;
            _client.Log.Verbose($"wait poll {polls}: {poll.SeenCount} of {waiting} waited instances listed"
                + $" in {poll.Requests} request(s)");

            var decided = wait.Decide(poll);
            if (wait.Waiting > 0 && watch.Elapsed >= options.Timeout) decided.AddRange(wait.TimeOut());
            onPoll?.Invoke(wait.Progress(watch.Elapsed, polls, requests, decided));

            if (wait.Waiting == 0) break;
            var left = options.Timeout - watch.Elapsed;
            var pause = left < options.PollInterval ? left : options.PollInterval;
            if (pause > TimeSpan.Zero)
                await _delay(pause, cancellationToken).ConfigureAwait(false);
        }
        return wait.Outcomes();
    }

    /// <summary>
    /// One walk of the instance list over the wait's window, keeping only instances still waited for; it stops as
    /// soon as every one of them was seen.
    /// </summary>
    private async Task<InstancePoll> PollAsync(InstanceWait wait, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pager = _client.ListInstances(new DqcInstanceQuery { After = wait.WindowStart },
            filter: i => wait.IsWaitingFor(i.InstanceId) && !seen.Contains(i.InstanceId));
        while (true)
        {
            var page = await pager.NextPageAsync(cancellationToken).ConfigureAwait(false);
            if (page is null) return new InstancePoll(seen, InstancePollReach.WholeList, pager.Requests);
            foreach (var instance in page)
            {
                seen.Add(instance.InstanceId);
                wait.Listed(instance);
            }
            if (seen.Count >= wait.Waiting)
            {
                pager.Stop();   // everything found: no need to read further pages
                return new InstancePoll(seen, InstancePollReach.AllSeen, pager.Requests);
            }
        }
    }
}

namespace DataArtsQuality.Client.Reruns;

/// <summary>
/// Looks for the runs of the reruns whose answers were lost (a timeout, a connection broken after sending, HTTP
/// 500/504, a 2xx that could not be read), for one Restart-DqcJob invocation: a bounded look of
/// <see cref="LookCount"/> walks of the instance list, <see cref="Interval"/> apart, each walk shared by every rerun
/// looked for at that moment. It never re-sends.
/// </summary>
/// <remarks>
/// Invariants:
/// <list type="number">
/// <item>Every <see cref="FindAsync"/> ends: with the run found, with none after the rerun took part in
/// <see cref="LookCount"/> walks (or a walk failed), or cancelled when the invocation stops. None is left waiting:
/// the one worker loop runs while anything is pending, and is started under the lock by whoever adds to an empty
/// list.</item>
/// <item>A run is given to one rerun only (<see cref="DqcRerunResolver"/>'s claim).</item>
/// <item>At most one walk is under way at a time per invocation, so N lost answers cost the walks of one, not N.</item>
/// </list>
/// tests/DataArtsQuality.Tests/LostAnswerSearchTests.cs drives these with a fake walk and a fake delay.
/// </remarks>
internal sealed class DqcLostAnswerSearch
{
    private readonly object _gate = new object();
    private readonly List<Pending> _pending = new List<Pending>();
    private readonly Func<IReadOnlyList<DqcRerun>, CancellationToken, Task<DqcRunWalk>> _walk;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;
    private readonly DqcRerunHistory _history;
    private readonly CancellationToken _cancellationToken;
    private bool _running;

    public DqcLostAnswerSearch(int lookCount, TimeSpan interval, DqcRerunHistory history,
        Func<IReadOnlyList<DqcRerun>, CancellationToken, Task<DqcRunWalk>> walk, CancellationToken cancellationToken,
        Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        LookCount = lookCount;
        Interval = interval;
        _history = history;
        _walk = walk;
        _cancellationToken = cancellationToken;
        _delay = delay ?? Task.Delay;
    }

    /// <summary>For a client: its ListInstances walks.</summary>
    public static DqcLostAnswerSearch For(DqcClient client, int lookCount, TimeSpan interval, DqcRerunHistory history,
        CancellationToken cancellationToken) =>
        new DqcLostAnswerSearch(lookCount, interval, history,
            (open, ct) => DqcRerunResolver.WalkAsync(client, open, history, ct), cancellationToken);

    /// <summary>How many walks a rerun takes part in before it counts as not found.</summary>
    public int LookCount { get; }

    public TimeSpan Interval { get; }

    /// <summary>The walks made so far.</summary>
    public int Walks { get; private set; }

    /// <summary>The listing requests made so far.</summary>
    public int Requests { get; private set; }

    /// <summary>
    /// Looks for the run of <paramref name="record"/> (in doubt). Completes with the run, or null when none was found
    /// (the record is NotFound and its Detail says what was looked at).
    /// </summary>
    public Task<DqcInstance?> FindAsync(DqcRerun record)
    {
        var pending = new Pending(record);
        bool start;
        lock (_gate)
        {
            _pending.Add(pending);
            start = !_running;
            _running = true;
        }
        if (start) _ = Task.Run(RunAsync);
        return pending.Done.Task;
    }

    private async Task RunAsync()
    {
        bool first = true;
        while (true)
        {
            lock (_gate)
            {
                if (_pending.Count == 0)
                {
                    _running = false;
                    return;
                }
            }
            try
            {
                if (!first) await _delay(Interval, _cancellationToken).ConfigureAwait(false);
                first = false;
                await LookOnceAsync().ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                EndAll(ex);
            }
        }
    }

    /// <summary>One walk for everything pending now; ends those found and those out of looks.</summary>
    private async Task LookOnceAsync()
    {
        List<Pending> round;
        lock (_gate) round = _pending.ToList();
        var walk = await _walk(round.ConvertAll(p => p.Record), _cancellationToken).ConfigureAwait(false);
        Walks++;
        Requests += walk.Requests;
        var last = new HashSet<DqcRerun>(round.Where(p => p.Looks + 1 >= LookCount).Select(p => p.Record));
        var found = DqcRerunResolver.Assign(round.ConvertAll(p => p.Record), walk, _history, last.Contains);
        foreach (var pending in round)
        {
            pending.Looks++;
            found.TryGetValue(pending.Record, out var run);
            if (run != null || pending.Record.State == DqcRerunState.Found) End(pending, p => p.Done.TrySetResult(run));
            else if (pending.Looks >= LookCount) End(pending, p => p.Done.TrySetResult(null));
        }
    }

    /// <summary>A walk failed or the invocation stopped: everything pending ends with it.</summary>
    private void EndAll(Exception ex)
    {
        List<Pending> all;
        lock (_gate)
        {
            all = _pending.ToList();
            _pending.Clear();
        }
        foreach (var pending in all)
        {
            if (ex is OperationCanceledException) pending.Done.TrySetCanceled();
            else
            {
                pending.Record.NotFound("Looking for its run failed: " + ex.Message);
                pending.Done.TrySetResult(null);
            }
        }
    }

    private void End(Pending pending, Action<Pending> complete)
    {
        lock (_gate) _pending.Remove(pending);
        complete(pending);
    }

    private sealed class Pending
    {
        public Pending(DqcRerun record) => Record = record;

        public DqcRerun Record { get; }

        public int Looks { get; set; }

        // Run continuations elsewhere: the worker loop must not run the cmdlet's code.
        public TaskCompletionSource<DqcInstance?> Done { get; } = new TaskCompletionSource<DqcInstance?>(
            TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

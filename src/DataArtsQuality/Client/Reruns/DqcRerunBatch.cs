namespace DataArtsQuality.Client.Reruns;

/// <summary>
/// The reruns one Restart-DqcJob invocation sends, and its stop: every request that went on the wire is on record,
/// and a stop reports each one that was not reported yet.
/// </summary>
/// <remarks>
/// Invariants:
/// <list type="number">
/// <item>A request goes on the wire only after its record is in this batch and in the history, and the record is made
/// under <c>_gate</c> only while the batch is not stopping (<see cref="GateFor"/>). So once <see cref="Stop"/> has
/// taken its snapshot under the same lock, nothing more is sent, and the snapshot holds every request that was.</item>
/// <item>A record is reported once (<see cref="DqcRerun.TryReport"/>): by the cmdlet in its turn, or by the stop
/// report, whichever comes first; the other finds it reported and writes nothing.</item>
/// <item>The stop waits at most the grace for the requests on the wire, then cancels them; one still unanswered
/// then is in doubt, never dropped.</item>
/// </list>
/// tests/DataArtsQuality.Tests/RerunBatchTests.cs drives these with fake requests.
/// </remarks>
internal sealed class DqcRerunBatch
{
    private readonly object _gate = new object();
    private readonly List<DqcRerun> _records = new List<DqcRerun>();
    private readonly List<Task> _requests = new List<Task>();
    private readonly CancellationTokenSource _closed = new CancellationTokenSource();
    private readonly DqcRerunHistory _history;
    private readonly string _connection;
    private readonly string _workspaceId;
    private readonly Func<DateTimeOffset> _clock;
    private bool _stopping;

    public DqcRerunBatch(DqcRerunHistory history, string connection, string workspaceId,
        Func<DateTimeOffset>? clock = null)
    {
        _history = history;
        _connection = connection;
        _workspaceId = workspaceId;
        _clock = clock ?? (() => DateTimeOffset.Now);
    }

    /// <summary>Whether <paramref name="record"/> is one of this batch's reruns.</summary>
    public bool Sent(DqcRerun record) => ReferenceEquals(record.Batch, this);

    /// <summary>Whether the batch stopped: nothing more is sent.</summary>
    public bool IsStopping
    {
        get { lock (_gate) return _stopping; }
    }

    /// <summary>The gate the ticket's request passes before each attempt (invariant 1).</summary>
    public DqcSendGate GateFor(DqcRerunTicket ticket) => new DqcSendGate(() => TrySend(ticket), _closed.Token);

    private bool TrySend(DqcRerunTicket ticket)
    {
        lock (_gate)
        {
            if (_stopping) return false;
            if (ticket.Record is null)
            {
                // A retry of the same rerun (after an answer that says nothing ran) keeps its first record.
                ticket.Record = new DqcRerun(ticket.RuleId, ticket.RuleType, ticket.JobName, _clock(), _connection,
                    _workspaceId) { Batch = this };
                _records.Add(ticket.Record);
                _history.Add(ticket.Record);
            }
            return true;
        }
    }

    /// <summary>Follows a ticket's request: its record takes the outcome when it ends.</summary>
    public Task<string> Track(DqcRerunTicket ticket, Task<string> request)
    {
        lock (_gate) _requests.Add(request);
        request.ContinueWith((t, state) => Settle((DqcRerunTicket)state!, t), ticket,
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return request;
    }

    private static void Settle(DqcRerunTicket ticket, Task<string> request)
    {
        var record = ticket.Record;
        if (record is null) return; // never sent
        if (request.Status == TaskStatus.RanToCompletion)
        {
            record.Started(request.Result);
            return;
        }
        var failure = request.Exception?.InnerException;
        if (request.IsCanceled || failure is OperationCanceledException)
            record.InDoubt("It was sent, and cancelled before the answer came.");
        else if (MayHaveStarted(failure))
            record.InDoubt(failure!.Message);
        else
            record.Refused(failure?.Message ?? "It failed.");
    }

    /// <summary>Whether a failed rerun may have started: the service may have acted, or accepted it (an unreadable
    /// 2xx).</summary>
    public static bool MayHaveStarted(Exception? failure) =>
        failure is DqcResponseFormatException || failure is DqcException { MayHaveBeenProcessed: true };

    /// <summary>
    /// Stops the batch: nothing more is sent; the requests on the wire get up to <paramref name="grace"/> to answer,
    /// then <paramref name="cancelInFlight"/> cancels them. Returns every record not reported yet, in the order sent.
    /// </summary>
    public IReadOnlyList<DqcRerun> Stop(TimeSpan grace, Action cancelInFlight)
    {
        DqcRerun[] sent;
        Task[] pending;
        lock (_gate)
        {
            _stopping = true;
            sent = _records.ToArray();
            pending = _requests.Where(r => !r.IsCompleted).ToArray();
        }
        _closed.Cancel();
        // WaitAny on the combined task: it does not throw for the requests that failed.
        if (pending.Length > 0 && grace > TimeSpan.Zero) Task.WaitAny(new[] { Task.WhenAll(pending) }, grace);
        cancelInFlight();
        foreach (var record in sent)
        {
            if (record.State == DqcRerunState.InFlight) record.InDoubt("It was sent; no answer came before the stop.");
        }
        return sent.Where(r => r.ReportedAs == DqcRerunReport.NotYet).ToList();
    }
}

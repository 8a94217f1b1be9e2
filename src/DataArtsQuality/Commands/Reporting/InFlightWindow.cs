using System.Management.Automation;

namespace DataArtsQuality.Commands.Reporting;

/// <summary>
/// The ordered in-flight window of a cmdlet that sends one request per input item: up to a limit of requests run
/// at once; every item (sent, or refused before sending) is an entry of a first-in-first-out queue, and finished
/// entries leave from its head only, so output and errors come in input order. Everything that reaches the pipeline
/// is written from the pipeline thread. Every request that was sent is reported exactly once: as output or error
/// when its turn comes, or, when the pipeline stops before that, as a warning (<see cref="Reporting"/>).
/// </summary>
/// <typeparam name="TItem">What the cmdlet knows of an item it sent (its ID, kind, time).</typeparam>
/// <typeparam name="TResult">What the service answers.</typeparam>
internal sealed class InFlightWindow<TItem, TResult>
{
    private readonly Queue<Entry> _entries = new Queue<Entry>();
    private readonly IReportWriter _cmdlet;
    private readonly int _limit;
    private readonly Action<TItem, TResult> _succeeded;
    private readonly Func<TItem, Exception, ErrorRecord> _failed;
    private readonly Func<TItem, Task<TResult>, string, string?> _laterWarning;

    /// <param name="cmdlet">The cmdlet that owns the window and writes what it reports.</param>
    /// <param name="limit">How many requests may be in flight at once.</param>
    /// <param name="succeeded">Writes a finished request's result (its turn has come).</param>
    /// <param name="failed">The error record of a failed request (its turn has come).</param>
    /// <param name="laterWarning">
    /// The warning for a request that finished after the pipeline began to stop (the task is complete; the string
    /// says why the pipeline stops), or null to write none.
    /// </param>
    public InFlightWindow(IReportWriter cmdlet, int limit, Action<TItem, TResult> succeeded,
        Func<TItem, Exception, ErrorRecord> failed, Func<TItem, Task<TResult>, string, string?> laterWarning)
    {
        _cmdlet = cmdlet;
        _limit = limit;
        _succeeded = succeeded;
        _failed = failed;
        _laterWarning = laterWarning;
    }

    /// <summary>Called after each entry leaves the window in its turn (progress).</summary>
    public Action? Reported { get; set; }

    /// <summary>
    /// Runs the write that reports a sent item's error or warning, unless the item was reported elsewhere (a stop
    /// report), and says whether it wrote. Null: every report is written.
    /// </summary>
    public Func<TItem, DqcRerunReport, Action, bool>? ReportOnce { get; set; }

    private void ReportAs(TItem item, DqcRerunReport how, Action write)
    {
        if (ReportOnce is null) write();
        else ReportOnce(item, how, write);
    }

    /// <summary>An item refused before sending: its error is written in its turn.</summary>
    public void Refuse(ErrorRecord error)
    {
        Enqueue(new Entry(default!, null, error));
    }

    /// <summary>
    /// Adds a request that was just sent, writes whatever is finished at the head, and returns once fewer than the
    /// limit are in flight.
    /// </summary>
    public void Send(TItem item, Task<TResult> request)
    {
        Enqueue(new Entry(item, _cmdlet.Pump.Track(request), null));
        // One snapshot per turn: a task that finishes between counting and waiting must not leave WhenAny with none.
        while (true)
        {
            var running = _entries.Where(e => e.Request is { IsCompleted: false }).Select(e => (Task)e.Request!)
                .ToList();
            if (running.Count < _limit) break;
            _cmdlet.Pump.WaitPumping(Task.WhenAny(running));
            WriteFinished();
        }
    }

    /// <summary>Waits for every entry in turn and writes it (EndProcessing).</summary>
    public void Drain()
    {
        while (_entries.Count > 0)
        {
            var head = _entries.Peek();
            if (head.Request != null) _cmdlet.Pump.WaitPumping(head.Request);
            WriteFinished();
        }
    }

    /// <summary>
    /// Runs a step that writes to the pipeline. When something else stops the pipeline (an error downstream under
    /// -ErrorAction Stop, a throw in a later command, Select-Object -First having what it needs), the requests still
    /// in the window are waited for and reported as warnings before the stop goes on, so none that reached the
    /// service goes unreported. A Ctrl+C does not come here: the cmdlet's stop report names those (Restart-DqcJob).
    /// </summary>
    public void Reporting(Action step)
    {
        try
        {
            step();
        }
        // Select-Object -First stops the commands before it with StopUpstreamCommandsException, a
        // PipelineStoppedException: only the pump's token tells a Ctrl+C apart.
        catch (Exception) when (!_cmdlet.Pump.Token.IsCancellationRequested && _entries.Count > 0)
        {
            try
            {
                ReportLaterAsWarnings("the pipeline stopped");
            }
            catch (Exception)
            {
                // The host no longer takes warnings; the original stop matters more.
            }
            throw;
        }
    }

    private void Enqueue(Entry entry)
    {
        _entries.Enqueue(entry);
        WriteFinished();
    }

    private void WriteFinished()
    {
        _cmdlet.Pump.WaitPumping(Task.CompletedTask); // relay the core's verbose lines first
        while (_entries.Count > 0 && _entries.Peek().IsFinished)
        {
            Write(_entries.Dequeue());
            Reported?.Invoke();
        }
    }

    private void Write(Entry entry)
    {
        if (entry.Refusal != null)
        {
            WriteErrorInOrder(entry.Refusal);
            return;
        }
        TResult result;
        try
        {
            result = entry.Request!.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (_cmdlet.Pump.Token.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        catch (Exception ex)
        {
            // Whatever went wrong, the item is reported: a request that may have reached the service is never dropped.
            var error = _failed(entry.Item, ex);
            ReportAs(entry.Item, DqcRerunReport.Error, () => WriteErrorInOrder(error));
            return;
        }
        _succeeded(entry.Item, result);
    }

    /// <summary>
    /// Writes an item's error. When it is about to stop the pipeline (-ErrorAction Stop with a limit above 1), the
    /// later requests already in flight are waited for first and reported as warnings, so none goes unnoticed.
    /// </summary>
    private void WriteErrorInOrder(ErrorRecord record)
    {
        if (_entries.Count > 0 && _cmdlet.ErrorActionIsStop())
            ReportLaterAsWarnings("the error below stopped the pipeline");
        _cmdlet.WriteError(record);
    }

    /// <summary>
    /// The pipeline is about to stop: waits for every request still in the window and reports each (that was sent)
    /// as a warning, then empties the window.
    /// </summary>
    private void ReportLaterAsWarnings(string why)
    {
        var later = _entries.ToArray();
        _entries.Clear();
        foreach (var entry in later)
        {
            if (entry.Request is null) continue; // refused input: never sent
            _cmdlet.Pump.WaitPumping(entry.Request);
            string? warning = _laterWarning(entry.Item, entry.Request, why);
            if (warning != null) ReportAs(entry.Item, DqcRerunReport.Warning, () => _cmdlet.WriteWarning(warning));
        }
    }

    private sealed class Entry
    {
        public Entry(TItem item, Task<TResult>? request, ErrorRecord? refusal)
        {
            Item = item;
            Request = request;
            Refusal = refusal;
        }

        public TItem Item { get; }
        public Task<TResult>? Request { get; }
        public ErrorRecord? Refusal { get; }
        public bool IsFinished => Refusal != null || Request!.IsCompleted;
    }
}

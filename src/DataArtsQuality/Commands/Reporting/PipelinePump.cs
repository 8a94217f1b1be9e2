using System.Collections.Concurrent;
using System.Management.Automation;

namespace DataArtsQuality.Commands.Reporting;

/// <summary>
/// Runs a cmdlet's async core calls on its pipeline thread: Ctrl+C (StopProcessing) cancels them, and the core's
/// log lines, which arrive on any thread, are written to Write-Verbose/Write-Debug from the pipeline thread. A
/// cmdlet owns one and disposes it when PowerShell disposes the cmdlet.
/// </summary>
internal sealed class PipelinePump : IDqcLog, IDisposable
{
    private readonly PSCmdlet _cmdlet;
    private readonly CancellationTokenSource _stop = new CancellationTokenSource();
    private readonly ConcurrentQueue<Action> _pipelineWork = new ConcurrentQueue<Action>();
    // No spinning while the pipeline thread waits: on a small machine the spin would take the core that the HTTP
    // I/O (and, in tests, the emulator) needs, so the wait goes straight to the kernel.
    private readonly ManualResetEventSlim _pipelineSignal = new ManualResetEventSlim(false, spinCount: 0);
    private readonly object _gate = new object();
    private int _pipelineThread;
    private bool _debugEnabled;
    private bool _verboseAsDebug;
    private bool _verboseEnabled;
    // Requests started and not finished yet. The token source and the signal are disposed only when none is left:
    // a request still finishing after a stop (or after a downstream Select-Object -First) may touch them.
    private int _inFlight;
    private bool _disposeRequested;
    private bool _disposed;

    public PipelinePump(PSCmdlet cmdlet)
    {
        _cmdlet = cmdlet;
        Token = _stop.Token;
    }

    /// <summary>Cancelled when the user presses Ctrl+C or the pipeline stops.</summary>
    public CancellationToken Token { get; }

    /// <summary>Reads the stream preferences and remembers the pipeline thread (call it from
    /// BeginProcessing).</summary>
    public void Begin()
    {
        _pipelineThread = Thread.CurrentThread.ManagedThreadId;
        var bound = _cmdlet.MyInvocation.BoundParameters;
        _debugEnabled = bound.ContainsKey("Debug")
            ? ((SwitchParameter)bound["Debug"]).IsPresent
            : !Equals(_cmdlet.GetVariableValue("DebugPreference"), ActionPreference.SilentlyContinue);
        // A compiled cmdlet's -Debug switch turns WriteVerbose into Inquire (a prompt per line, which fails in
        // runbooks). Under -Debug without -Verbose the verbose lines go to the debug stream instead.
        _verboseAsDebug = bound.TryGetValue("Debug", out var debug) && ((SwitchParameter)debug).IsPresent
            && !bound.ContainsKey("Verbose");
        _verboseEnabled = bound.TryGetValue("Verbose", out var verbose)
            ? ((SwitchParameter)verbose).IsPresent
            : _verboseAsDebug || IsOn(_cmdlet.GetVariableValue("VerbosePreference"));
    }

    /// <summary>Whether a preference variable's value lets the stream through.</summary>
    private static bool IsOn(object? preference)
    {
        if (preference is PSObject pso) preference = pso.BaseObject;
        if (preference is ActionPreference p)
            return p != ActionPreference.SilentlyContinue && p != ActionPreference.Ignore;
        return Enum.TryParse(preference?.ToString(), true, out ActionPreference parsed)
            && parsed != ActionPreference.SilentlyContinue && parsed != ActionPreference.Ignore;
    }

    /// <summary>Cancels every request (StopProcessing).</summary>
    public void Stop()
    {
        lock (_gate)
        {
            if (!_disposed) _stop.Cancel();
        }
    }

    /// <summary>Runs an async core call to completion on the pipeline thread, pumping its log lines
    /// meanwhile.</summary>
    public T Run<T>(Func<CancellationToken, Task<T>> operation)
    {
        var task = Track(operation(Token));
        WaitPumping(task);
        try
        {
            return task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (Token.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    /// <summary>
    /// Counts a request that runs on its own (the caller waits for it later, or never if the pipeline ends first), so
    /// that disposing waits for it to finish.
    /// </summary>
    public Task<T> Track<T>(Task<T> task)
    {
        if (task.IsCompleted) return task;
        Interlocked.Increment(ref _inFlight);
        task.ContinueWith((_, pump) => ((PipelinePump)pump!).Settled(), this,
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return task;
    }

    private void Settled()
    {
        if (Interlocked.Decrement(ref _inFlight) == 0) DisposeWhenIdle();
    }

    /// <summary>Waits for a task while running, on this thread, whatever the core posted for the pipeline.</summary>
    public void WaitPumping(Task task)
    {
        if (!task.IsCompleted)
        {
            task.ContinueWith((_, pump) => ((PipelinePump)pump!).Signal(), this,
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            while (true)
            {
                _pipelineSignal.Wait();
                // Reset before draining: a post or the completion that comes after it sets the signal again.
                _pipelineSignal.Reset();
                RunPosted();
                if (task.IsCompleted) break;
            }
        }
        RunPosted();
    }

    private void Signal()
    {
        lock (_gate)
        {
            if (!_disposed) _pipelineSignal.Set();
        }
    }

    private void RunPosted()
    {
        while (_pipelineWork.TryDequeue(out var work))
            work();
    }

    /// <summary>Runs an action on the pipeline thread: now if this is it, else at the pipeline thread's next
    /// pump.</summary>
    public void OnPipelineThread(Action action)
    {
        if (Thread.CurrentThread.ManagedThreadId == _pipelineThread) action();
        else
        {
            _pipelineWork.Enqueue(action);
            Signal();
        }
    }

    bool IDqcLog.IsDebugEnabled => _debugEnabled;

    bool IDqcLog.IsVerboseEnabled => _verboseEnabled;

    void IDqcLog.Verbose(string message) => OnPipelineThread(() =>
    {
        if (_verboseAsDebug) _cmdlet.WriteDebug(message);
        else _cmdlet.WriteVerbose(message);
    });

    void IDqcLog.Debug(string message) => OnPipelineThread(() => _cmdlet.WriteDebug(message));

    /// <summary>Disposes the token source and the signal once no request started here is still running.</summary>
    public void Dispose()
    {
        lock (_gate) _disposeRequested = true;
        if (Volatile.Read(ref _inFlight) == 0) DisposeWhenIdle();
    }

    private void DisposeWhenIdle()
    {
        lock (_gate)
        {
            if (!_disposeRequested || _disposed || Volatile.Read(ref _inFlight) != 0) return;
            _disposed = true;
            _stop.Dispose();
            _pipelineSignal.Dispose();
        }
    }
}

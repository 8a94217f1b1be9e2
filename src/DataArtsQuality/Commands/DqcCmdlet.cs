using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using DataArtsQuality.Client;
using DataArtsQuality.Models;
using DataArtsQuality.Session;

namespace DataArtsQuality.Commands
{
    /// <summary>
    /// What every cmdlet shares: finding the connection, running the async core on the pipeline thread with
    /// Ctrl+C wired to cancellation, relaying the core's log lines to Write-Verbose/Write-Debug from the right
    /// thread, and turning core exceptions into error records with stable IDs.
    /// </summary>
    public abstract class DqcCmdletBase : PSCmdlet, IDqcLog, IDisposable
    {
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly ConcurrentQueue<Action> _pipelineWork = new ConcurrentQueue<Action>();
        // No spinning while the pipeline thread waits: on a small machine the spin would take the core that the HTTP
        // I/O (and, in tests, the emulator) needs, so the wait goes straight to the kernel.
        private readonly ManualResetEventSlim _pipelineSignal = new ManualResetEventSlim(false, spinCount: 0);
        private int _pipelineThread;
        private bool _debugEnabled;
        private bool _verboseAsDebug;
        private bool _verboseEnabled;
        private DqcClient? _client;
        // The connection this invocation works on, leased until the pipeline is done with the cmdlet (Dispose), so a
        // Connect or Disconnect in another runspace (or later in this one) cannot close it under a running wait.
        private DqcConnection? _leased;

        /// <summary>Cancelled when the user presses Ctrl+C or the pipeline stops.</summary>
        protected CancellationToken CancelToken => _stop.Token;

        protected override void BeginProcessing()
        {
            _pipelineThread = Thread.CurrentThread.ManagedThreadId;
            _debugEnabled = MyInvocation.BoundParameters.ContainsKey("Debug")
                ? ((SwitchParameter)MyInvocation.BoundParameters["Debug"]).IsPresent
                : !Equals(GetVariableValue("DebugPreference"), ActionPreference.SilentlyContinue);
            // A compiled cmdlet's -Debug switch turns WriteVerbose into Inquire (a prompt per line, which fails in
            // runbooks). Under -Debug without -Verbose the verbose lines go to the debug stream instead.
            _verboseAsDebug = MyInvocation.BoundParameters.TryGetValue("Debug", out var debug) && ((SwitchParameter)debug).IsPresent
                && !MyInvocation.BoundParameters.ContainsKey("Verbose");
            _verboseEnabled = MyInvocation.BoundParameters.TryGetValue("Verbose", out var verbose)
                ? ((SwitchParameter)verbose).IsPresent
                : _verboseAsDebug || IsOn(GetVariableValue("VerbosePreference"));
        }

        /// <summary>Whether a preference variable's value lets the stream through.</summary>
        private static bool IsOn(object? preference)
        {
            if (preference is PSObject pso) preference = pso.BaseObject;
            if (preference is ActionPreference p) return p != ActionPreference.SilentlyContinue && p != ActionPreference.Ignore;
            return Enum.TryParse(preference?.ToString(), true, out ActionPreference parsed)
                && parsed != ActionPreference.SilentlyContinue && parsed != ActionPreference.Ignore;
        }

        protected override void StopProcessing() => _stop.Cancel();

        /// <summary>The connection the user chose with -Connection (see <see cref="DqcCmdlet"/>); null for the default.</summary>
        protected virtual string? SelectedConnectionName => null;

        /// <summary>
        /// The chosen (-Connection) or default connection, or a terminating error telling the user to connect first.
        /// </summary>
        protected DqcConnection RequireConnection()
        {
            if (_leased != null) return _leased;
            // A connection found here may be replaced and closed before it is leased; then look again.
            for (int attempt = 0; ; attempt++)
            {
                var found = FindConnection();
                if (found.TryAcquire()) return _leased = found;
                if (attempt >= 10) ThrowNotConnected();
            }
        }

        /// <summary>Gives up this invocation's lease on its connection (PowerShell calls it when the pipeline is done).</summary>
        public void Dispose()
        {
            var leased = _leased;
            _leased = null;
            leased?.Release();
            // _stop and _pipelineSignal stay undisposed: requests still finishing after a stop may touch them.
        }

        private DqcConnection FindConnection()
        {
            string? name = SelectedConnectionName;
            if (name != null)
            {
                var named = DqcSessionState.Find(name);
                if (named is null)
                {
                    var names = DqcSessionState.All.Select(c => c.Name).OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList();
                    string message = $"There is no connection named '{name}'. " + (names.Count == 0
                        ? "There are no connections: run Connect-DqcWorkspace -Name " + name + " first."
                        : "The connections are: " + string.Join(", ", names) + ".");
                    ThrowTerminatingError(ErrorRecords.Create(new InvalidOperationException(message), "DqcConnectionNotFound", ErrorCategory.ObjectNotFound, name));
                }
                return named!;
            }
            var connection = DqcSessionState.Default;
            if (connection is null) ThrowNotConnected();
            return connection!;
        }

        private void ThrowNotConnected()
        {
            {
                ThrowTerminatingError(ErrorRecords.Create(
                    new InvalidOperationException("You are not connected to a DataArts Quality workspace. Run Connect-DqcWorkspace first."),
                    "DqcNotConnected", ErrorCategory.InvalidOperation, null,
                    recommendedAction: "Connect-DqcWorkspace -Region <region> -ProjectId <project id> -WorkspaceId <workspace id> -Token <token>"));
            }
        }

        /// <summary>
        /// A client over the chosen or default connection whose log goes to this cmdlet's streams. The connection must
        /// have a workspace (DQC calls send it as the workspace header).
        /// Requests use the settings of the runspace the cmdlet runs in (Set-DqcConfig there, else the session's).
        /// </summary>
        protected DqcClient Client => _client ??= new DqcClient(RequireWorkspace(RequireConnection()), this) { SettingsOverride = DqcConfigState.Current };

        private DqcConnection RequireWorkspace(DqcConnection connection)
        {
            if (connection.WorkspaceId.Length == 0)
            {
                string message = $"The connection '{connection.Name}' has no workspace. Find one with Get-DqcWorkspace -InstanceId <instance id>, then connect with -WorkspaceId or -WorkspaceName.";
                ThrowTerminatingError(ErrorRecords.Create(new InvalidOperationException(message), "DqcNoWorkspace", ErrorCategory.InvalidOperation, connection.Name));
            }
            return connection;
        }

        /// <summary>Runs an async core call to completion on the pipeline thread, pumping its log lines meanwhile.</summary>
        protected T Run<T>(Func<CancellationToken, Task<T>> operation)
        {
            var task = operation(CancelToken);
            WaitPumping(task);
            try
            {
                return task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>Waits for a task while running, on this thread, whatever the core posted for the pipeline.</summary>
        protected void WaitPumping(Task task)
        {
            if (!task.IsCompleted)
            {
                task.ContinueWith((_, signal) => ((ManualResetEventSlim)signal!).Set(), _pipelineSignal,
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

        private void RunPosted()
        {
            while (_pipelineWork.TryDequeue(out var work))
                work();
        }

        protected void OnPipelineThread(Action action)
        {
            if (Thread.CurrentThread.ManagedThreadId == _pipelineThread) action();
            else
            {
                _pipelineWork.Enqueue(action);
                _pipelineSignal.Set();
            }
        }

        bool IDqcLog.IsDebugEnabled => _debugEnabled;

        bool IDqcLog.IsVerboseEnabled => _verboseEnabled;

        void IDqcLog.Verbose(string message) => OnPipelineThread(() =>
        {
            if (_verboseAsDebug) WriteDebug(message);
            else WriteVerbose(message);
        });

        void IDqcLog.Debug(string message) => OnPipelineThread(() => WriteDebug(message));

        /// <summary>
        /// A non-terminating error for one item: the rest of the pipeline goes on. <paramref name="context"/> says
        /// what was being done ("Could not re-run quality job 123").
        /// </summary>
        protected void WriteItemError(Exception exception, string context, object? target)
            => WriteError(ToErrorRecord(exception, context, target));

        /// <summary>The error record for an exception (see <see cref="ErrorRecords.From"/>).</summary>
        protected static ErrorRecord ToErrorRecord(Exception exception, string context, object? target)
            => ErrorRecords.From(exception, context, target);

        /// <inheritdoc cref="ErrorRecords.IdRefusal"/>
        protected static ErrorRecord? IdRefusal(DqcId? raw, string what, out string id, object? target = null)
            => ErrorRecords.IdRefusal(raw, what, out id, target);

        /// <summary>
        /// The one ID check for an ID parameter: true with the ID when it is usable; otherwise writes the refusal (a
        /// non-terminating error naming <paramref name="what"/>, e.g. "instance ID") and returns false.
        /// </summary>
        protected bool AcceptId(DqcId? raw, string what, out DqcId id, object? target = null)
        {
            id = raw ?? new DqcId((string?)null);
            var refusal = ErrorRecords.IdRefusal(id, what, out _, target);
            if (refusal != null) WriteError(refusal);
            return refusal is null;
        }

        /// <inheritdoc cref="ErrorRecords.InvalidInput"/>
        protected static ErrorRecord InvalidInput(string errorId, string message, object? target)
            => ErrorRecords.InvalidInput(errorId, message, target);
    }
}

using System.Management.Automation;
using DataArtsQuality.Completers;

using DataArtsQuality.Session;
using DataArtsQuality.Commands.Reporting;

namespace DataArtsQuality.Commands;

/// <summary>
/// The base of every cmdlet that works on a connection. It adds -Connection (a connection's name or the object
/// Get-DqcContext / Connect-DqcWorkspace -PassThru returns), so one runbook can work on several workspaces; without it
/// the runspace's default connection (its own last Connect-DqcWorkspace, else the session's) is used. It finds and
/// leases that connection, gives a client over it, runs the async core on the pipeline thread (<see
/// cref="PipelinePump"/>) and turns core exceptions into error records with stable IDs.
/// </summary>
public abstract class DqcCmdlet : PSCmdlet, IReportWriter, IDisposable
{
    private DqcClient? _client;
    // The connection this invocation works on, leased until the pipeline is done with the cmdlet (Dispose), so a
    // Connect or Disconnect in another runspace (or later in this one) cannot close it under a running wait.
    private DqcConnection? _leased;

    protected DqcCmdlet()
    {
        Pump = new PipelinePump(this);
    }

    /// <summary>The connection to use instead of the default: its name, or its context object.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ConnectionNameTransformation]
    [ArgumentCompleter(typeof(ConnectionNameCompleter))]
    public string? Connection { get; set; }

    /// <summary>The connection the user chose with -Connection; null for the default.</summary>
    protected string? SelectedConnectionName => string.IsNullOrEmpty(Connection) ? null : Connection;

    internal PipelinePump Pump { get; }

    /// <summary>Cancelled when the user presses Ctrl+C or the pipeline stops.</summary>
    protected CancellationToken CancelToken => Pump.Token;

    /// <summary>
    /// Whether the cmdlet needs a connection whatever its input: then a missing one is a terminating error before any
    /// input is read. Cmdlets that use a connection only on some paths (Get-DqcContext -ListAvailable) say no.
    /// </summary>
    protected virtual bool RequiresConnection => true;

    protected override void BeginProcessing()
    {
        Pump.Begin();
        if (RequiresConnection) RequireConnection();
    }

    protected override void StopProcessing() => Pump.Stop();

    /// <summary>
    /// The chosen (-Connection) or default connection, or a terminating error telling the user to connect first.
    /// </summary>
    private protected DqcConnection RequireConnection()
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

    /// <summary>
    /// Gives up this invocation's lease on its connection, once, and the pump's handles once its requests are done
    /// (PowerShell calls it when the pipeline is done with the cmdlet).
    /// </summary>
    public void Dispose()
    {
        Interlocked.Exchange(ref _leased, null)?.Release();
        Pump.Dispose();
    }

    private DqcConnection FindConnection()
    {
        string? name = SelectedConnectionName;
        if (name != null)
        {
            var named = DqcSessionState.Find(name);
            if (named is null)
            {
                var names = DqcSessionState.All.Select(c => c.Name).OrderBy(n => n, StringComparer.OrdinalIgnoreCase)
                    .ToList();
                string message = $"There is no connection named '{name}'. " + (names.Count == 0
                    ? "There are no connections: run Connect-DqcWorkspace -Name " + name + " first."
                    : "The connections are: " + string.Join(", ", names) + ".");
                ThrowTerminatingError(
                    ErrorRecords.Create(new InvalidOperationException(message), "DqcConnectionNotFound",
                        ErrorCategory.ObjectNotFound, name));
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
                new InvalidOperationException(
                    "You are not connected to a DataArts Quality workspace. Run Connect-DqcWorkspace first."),
                "DqcNotConnected", ErrorCategory.InvalidOperation, null,
                recommendedAction: "Connect-DqcWorkspace -Region <region> -ProjectId <project id> -WorkspaceId <workspace id> -Token <token>"));
        }
    }

    /// <summary>
    /// A client over the chosen or default connection whose log goes to this cmdlet's streams. The connection must
    /// have a workspace (DQC calls send it as the workspace header).
    /// Requests use the settings of the runspace the cmdlet runs in (Set-DqcConfig there, else the session's).
    /// </summary>
    internal DqcClient Client
        => _client ??= new DqcClient(RequireWorkspace(RequireConnection()),
            Pump) { SettingsOverride = DqcConfigState.Current };

    private DqcConnection RequireWorkspace(DqcConnection connection)
    {
        if (connection.WorkspaceId.Length == 0)
        {
            string message = $"The connection '{connection.Name}' has no workspace. Find one with Get-DqcWorkspace -InstanceId <instance id>, then connect with -WorkspaceId or -WorkspaceName.";
            ThrowTerminatingError(
                ErrorRecords.Create(new InvalidOperationException(message), "DqcNoWorkspace",
                    ErrorCategory.InvalidOperation, connection.Name));
        }
        return connection;
    }

    /// <summary>Runs an async core call to completion on the pipeline thread, pumping its log lines
    /// meanwhile.</summary>
    protected T Run<T>(Func<CancellationToken, Task<T>> operation) => Pump.Run(operation);

    protected void OnPipelineThread(Action action) => Pump.OnPipelineThread(action);

    /// <summary>Whether a non-terminating error of this cmdlet stops the pipeline (-ErrorAction Stop, or the
    /// preference).</summary>
    bool IReportWriter.ErrorActionIsStop() => ErrorActionIsStop();

    PipelinePump IReportWriter.Pump => Pump;

    protected internal bool ErrorActionIsStop()
    {
        object? value = MyInvocation.BoundParameters.TryGetValue("ErrorAction",
            out var bound) ? bound : GetVariableValue("ErrorActionPreference");
        return value is ActionPreference preference ? preference == ActionPreference.Stop
            : string.Equals(value?.ToString(), nameof(ActionPreference.Stop), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The -Force/-WhatIf rule: -Force skips the confirmation prompt, but -WhatIf still only says what would happen.
    /// </summary>
    protected bool ShouldProcessUnlessForced(string target, string action, bool force)
        => (force && !MyInvocation.BoundParameters.ContainsKey("WhatIf")) || ShouldProcess(target, action);

    /// <summary>
    /// A non-terminating error for one item: the rest of the pipeline goes on. <paramref name="context"/> says
    /// what was being done ("Could not re-run quality job 123").
    /// </summary>
    protected void WriteItemError(Exception exception, string context, object? target)
        => WriteError(ToErrorRecord(exception, context, target));

    /// <summary>The error record for an exception (see <see cref="ErrorRecords.From"/>).</summary>
    internal static ErrorRecord ToErrorRecord(Exception exception, string context, object? target)
        => ErrorRecords.From(exception, context, target);

    /// <summary>
    /// The one ID check for an ID parameter: true with the ID when it is usable; otherwise writes the refusal (a
    /// non-terminating error naming <paramref name="what"/>, e.g. "instance ID") and returns false.
    /// </summary>
    protected bool AcceptId(DqcId? raw, string what, out DqcId id, object? target = null)
        => AcceptId(raw, what, out id, WriteError, target);

    /// <summary>
    /// Like <see cref="AcceptId(DqcId?, string, out DqcId, object?)"/>, handing the refusal to <paramref
    /// name="refuse"/> (an in-flight window that keeps errors in pipeline order) instead of writing it at once.
    /// </summary>
    protected bool AcceptId(DqcId? raw, string what, out DqcId id, Action<ErrorRecord> refuse, object? target = null)
    {
        id = raw ?? new DqcId((string?)null);
        var refusal = ErrorRecords.IdRefusal(id, what, out _, target);
        if (refusal != null) refuse(refusal);
        return refusal is null;
    }

    /// <inheritdoc cref="ErrorRecords.InvalidInput"/>
    protected static ErrorRecord InvalidInput(string errorId, string message, object? target)
        => ErrorRecords.InvalidInput(errorId, message, target);
}

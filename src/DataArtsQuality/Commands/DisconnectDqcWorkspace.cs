using System.Management.Automation;
using DataArtsQuality.Completers;
using DataArtsQuality.Session;

namespace DataArtsQuality.Commands;

/// <summary>
/// Forgets a connection and its credential: the runspace's default one, the one chosen with -Connection, those named
/// by -Name, or all (the named ones and this runspace's own). In a runspace that has no connection of its own it
/// leaves the session's alone. A connection still in use elsewhere closes when its last request is done.
/// </summary>
[Cmdlet(VerbsCommunications.Disconnect, "DqcWorkspace", DefaultParameterSetName = CurrentSet)]
[OutputType(typeof(void))]
public sealed class DisconnectDqcWorkspace : DqcCmdlet
{
    private const string CurrentSet = "Current";
    private const string NameSet = "Name";
    private const string AllSet = "All";

    /// <summary>The names of the connections to forget.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ConnectionNameCompleter))]
    public string[] Name { get; set; } = new string[0];

    /// <summary>Forget every connection.</summary>
    [Parameter(Mandatory = true, ParameterSetName = AllSet)]
    public SwitchParameter All { get; set; }

    /// <summary>Listing the connections, or disconnecting by name, needs none.</summary>
    protected override bool RequiresConnection => false;

    protected override void ProcessRecord()
    {
        if (ParameterSetName != NameSet) return;
        foreach (string name in Name)
        {
            var connection = DqcSessionState.Find(name);
            if (connection is null)
            {
                WriteError(
                    new ErrorRecord(new System.InvalidOperationException($"There is no connection named '{name}'."),
                    "DqcConnectionNotFound", ErrorCategory.ObjectNotFound, name));
                continue;
            }
            DqcSessionState.Remove(connection);
            WriteVerbose($"Disconnected '{connection.Name}' (workspace {connection.WorkspaceId}).");
        }
    }

    protected override void EndProcessing()
    {
        if (ParameterSetName == AllSet)
        {
            int count = DqcSessionState.Clear();
            WriteVerbose($"Disconnected {count} connection(s).");
        }
        else if (ParameterSetName == CurrentSet)
        {
            // In a runspace that made no connection of its own, the default is the session's: leave it to the
            // session (a runbook's finally { Disconnect-DqcWorkspace } in a parallel runspace must not end it).
            if (SelectedConnectionName is null && DqcSessionState.UsesSessionDefault)
            {
                WriteVerbose("This runspace has no connection of its own; the session's default connection stays (disconnect it in the session, or use -Name).");
                return;
            }
            var connection = RequireConnection();
            DqcSessionState.Remove(connection);
            WriteVerbose($"Disconnected '{connection.Name}' (workspace {connection.WorkspaceId}).");
        }
    }
}

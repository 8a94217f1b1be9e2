using System.Management.Automation;
using DataArtsQuality.Session;

namespace DataArtsQuality.Commands
{
    /// <summary>Forgets the current connection and its credential.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "DqcWorkspace")]
    [OutputType(typeof(void))]
    public sealed class DisconnectDqcWorkspace : DqcCmdlet
    {
        protected override void EndProcessing()
        {
            var connection = RequireConnection();
            DqcSessionState.Remove(connection);
            WriteVerbose($"Disconnected from workspace {connection.WorkspaceId}.");
        }
    }
}

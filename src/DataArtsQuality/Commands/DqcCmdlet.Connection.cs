using System.Management.Automation;

namespace DataArtsQuality.Commands
{
    /// <summary>
    /// The base of every cmdlet that works on a connection: adds -Connection (a connection's name or the object
    /// Get-DqcContext / Connect-DqcWorkspace -PassThru returns), which RequireConnection and Client honour, so one
    /// runbook can work on several workspaces. Without it the default connection (the last one made) is used.
    /// </summary>
    public abstract class DqcCmdlet : DqcCmdletBase
    {
        /// <summary>The connection to use instead of the default: its name, or its context object.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ConnectionNameTransformation]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string? Connection { get; set; }

        protected override string? SelectedConnectionName => string.IsNullOrEmpty(Connection) ? null : Connection;
    }
}

using System.Management.Automation;

using DataArtsQuality.Session;

namespace DataArtsQuality.Commands;

/// <summary>
/// Shows the default connection (or the one chosen with -Connection), or with -ListAvailable every connection:
/// endpoint, project, workspace, kind of authentication, expiry. Never the secret.
/// </summary>
[Cmdlet(VerbsCommon.Get, "DqcContext", DefaultParameterSetName = CurrentSet)]
[OutputType(typeof(DqcContextInfo))]
public sealed class GetDqcContext : DqcCmdlet
{
    private const string CurrentSet = "Current";
    private const string ListSet = "ListAvailable";

    /// <summary>Every connection of the session, the default one marked IsDefault.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ListSet)]
    public SwitchParameter ListAvailable { get; set; }

    /// <summary>Listing the connections needs none; without one the current context is simply empty.</summary>
    protected override bool RequiresConnection => false;

    protected override void EndProcessing()
    {
        if (ListAvailable)
        {
            foreach (var connection in DqcSessionState.All.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase))
                WriteObject(ContextInfo.From(connection));
            return;
        }
        WriteObject(ContextInfo.From(RequireConnection()));
    }
}

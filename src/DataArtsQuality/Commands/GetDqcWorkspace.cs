using System.Management.Automation;
using DataArtsQuality.Session;

namespace DataArtsQuality.Commands;

/// <summary>
/// Lists the workspaces of a DataArts Studio instance (Management Center ListManagerWorkSpaces), so a user can find
/// a workspace ID. Works on a connection made without a workspace; sends no workspace header.
/// </summary>
[Cmdlet(VerbsCommon.Get, "DqcWorkspace")]
[OutputType(typeof(DqcWorkspace))]
public sealed class GetDqcWorkspace : DqcCmdlet
{
    /// <summary>The DataArts Studio instance ID (the 'instanceId=' part of the console URL).</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? InstanceId { get; set; }

    /// <summary>Only workspaces whose name matches (wildcards allowed).</summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    protected override void ProcessRecord()
    {
        var client = new DqcClient(RequireConnection(), Pump) { SettingsOverride = DqcConfigState.Current };
        List<DqcWorkspace> workspaces;
        try
        {
            workspaces = Run(ct => client.ListWorkspacesAsync(InstanceId!, ct));
        }
        catch (Exception ex) when (ErrorRecords.IsReported(ex))
        {
            WriteItemError(ex, $"Could not list the workspaces of instance {InstanceId}", InstanceId);
            return;
        }
        var pattern = Name is null ? null : new WildcardPattern(Name, WildcardOptions.IgnoreCase);
        foreach (var w in workspaces)
        {
            if (pattern is null || pattern.IsMatch(w.Name)) WriteObject(w);
        }
    }
}

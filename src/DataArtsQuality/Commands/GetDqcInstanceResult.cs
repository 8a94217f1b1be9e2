using System.Management.Automation;
using DataArtsQuality.Completers;

namespace DataArtsQuality.Commands;

/// <summary>
/// Gets the per-sub-rule results of runs (ShowInstanceResult), page by page. Takes instance IDs, Get-DqcInstance
/// output and Restart-DqcJob / Wait-DqcInstance output from the pipeline.
/// </summary>
[Cmdlet(VerbsCommon.Get, "DqcInstanceResult", SupportsPaging = true)]
[OutputType(typeof(DqcInstanceResult))]
public sealed class GetDqcInstanceResult : DqcCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(InstanceIdCompleter))]
    [AllowNull]
    public DqcId[]? InstanceId { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var raw in InstanceId ?? Array.Empty<DqcId>())
        {
            if (!AcceptId(raw, "instance ID", out var id)) continue;
            var pages = new PageWriter(this);
            pages.Write(Client.ListInstanceResults(id.Value, pages.Skip, pages.First),
                $"the results of instance {id.Value}", id.Value);
        }
    }
}

using System.Management.Automation;
using DataArtsQuality.Completers;

namespace DataArtsQuality.Commands;

/// <summary>BatchDeleteQualityConsistencyTasks: one request per up to 100 piped IDs, a bare array.</summary>
[Cmdlet(VerbsCommon.Remove, "DqcComparisonJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
public sealed class RemoveDqcComparisonJob : DqcBatchCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("JobId", "RuleId")]
    [ArgumentCompleter(typeof(JobIdCompleter))]
    public DqcId[]? Id { get; set; }

    protected override string What => "comparison job";
    protected override string Verb => "Delete";

    protected override void ProcessRecord() => Collect(Id);

    protected override Task SendAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
        => Client.DeleteJobsAsync(DqcRuleType.Comparison, ids, cancellationToken);
}

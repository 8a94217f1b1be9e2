using System.Management.Automation;
using DataArtsQuality.Completers;

namespace DataArtsQuality.Commands;

/// <summary>BatchDeleteQualityQualityTasks: one request per up to 100 piped IDs, a bare array.</summary>
[Cmdlet(VerbsCommon.Remove, "DqcJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
public sealed class RemoveDqcJob : DqcBatchCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("JobId", "RuleId")]
    [ArgumentCompleter(typeof(JobIdCompleter))]
    public DqcId[]? Id { get; set; }

    protected override string What => "quality job";
    protected override string Verb => "Delete";

    protected override void ProcessRecord() => Collect(Id);

    protected override Task SendAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
        => Client.DeleteJobsAsync(DqcRuleType.Quality, ids, cancellationToken);
}

using System.Management.Automation;
using DataArtsQuality.Completers;

namespace DataArtsQuality.Commands;

/// <summary>BatchStopQualityInstances: one request per up to 100 piped instance IDs, a bare array. The service
/// answers 406 when an instance is not running.</summary>
[Cmdlet(VerbsLifecycle.Stop, "DqcInstance", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
public sealed class StopDqcInstance : DqcBatchCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(InstanceIdCompleter))]
    public DqcId[]? InstanceId { get; set; }

    protected override string What => "instance";
    protected override string Verb => "Stop";

    protected override void ProcessRecord() => Collect(InstanceId);

    protected override Task SendAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
        => Client.StopInstancesAsync(ids, cancellationToken);
}

using System.Management.Automation;
using DataArtsQuality.Completers;
using DataArtsQuality.Commands.Reporting;

namespace DataArtsQuality.Commands;

/// <summary>
/// Waits until runs leave RUNNING and emits them in their final state. All waited instances share one instance
/// listing per poll. A run still RUNNING at the timeout is a non-terminating error naming it and its last status.
/// </summary>
[Cmdlet(VerbsLifecycle.Wait, "DqcInstance")]
[OutputType(typeof(DqcInstance))]
public sealed class WaitDqcInstance : DqcCmdlet
{
    private readonly List<DqcWaitTarget> _targets = new List<DqcWaitTarget>();

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(InstanceIdCompleter))]
    [AllowNull]
    public DqcId[]? InstanceId { get; set; }

    /// <summary>Seconds to wait in all (default 3600). 0 checks once.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int TimeoutSec { get; set; } = 3600;

    /// <summary>Seconds between polls (default 10).</summary>
    [Parameter]
    [ValidateRange(1, 86400)]
    public int PollIntervalSec { get; set; } = 10;

    /// <summary>
    /// The earliest start time to search the instance list from, for IDs given without their start time. Default:
    /// piped instances' StartTime or SubmittedAt, otherwise 24 hours ago.
    /// </summary>
    [Parameter]
    public DateTime After { get; set; }

    /// <summary>Taken from piped Restart-DqcJob output to narrow the search.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
    [AllowNull]
    public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>Taken from piped Get-DqcInstance output to narrow the search.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
    [AllowNull]
    public DateTimeOffset? StartTime { get; set; }

    protected override void ProcessRecord()
    {
        DateTimeOffset? after = MyInvocation.BoundParameters.ContainsKey(nameof(After)) ? DqcTime.FromDateTime(
            After) : null;
        foreach (var raw in InstanceId ?? Array.Empty<DqcId>())
        {
            if (!AcceptId(raw, "instance ID", out var id)) continue;
            _targets.Add(new DqcWaitTarget(id.Value, StartTime ?? SubmittedAt ?? after,
                SubmittedAt.HasValue ? new DqcInstance { InstanceId = id.Value, SubmittedAt = SubmittedAt } : null));
        }
    }

    protected override void EndProcessing()
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            WaitResultWriter.Wait(this, Client, Pump, _targets, WaitResultWriter.Options(TimeoutSec, PollIntervalSec),
                (id, write) => { reported.Add(id); write(); return true; });
        }
        catch (Exception ex) when (ErrorRecords.IsReported(ex))
        {
            // A failed poll ends the wait for all; each instance still waited for gets its one record, an error
            // with the service's error ID, so -ErrorVariable lists exactly the instances to wait for again.
            foreach (var target in _targets.Where(t => reported.Add(t.InstanceId)))
                WriteItemError(ex, $"Could not wait for instance {target.InstanceId}", target.InstanceId);
        }
    }
}

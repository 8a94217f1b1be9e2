using System.Management.Automation;
using System.Runtime.ExceptionServices;
using DataArtsQuality.Completers;
using DataArtsQuality.Commands.Reporting;

namespace DataArtsQuality.Commands;

/// <summary>Start-/Stop-DqcJobSchedule: OperationQualityTaskSchedule, one request per job (the API takes one
/// rule_id).</summary>
public abstract class DqcJobScheduleCmdlet : DqcCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("JobId", "RuleId")]
    [ArgumentCompleter(typeof(JobIdCompleter))]
    public DqcId[]? Id { get; set; }

    protected abstract bool Start { get; }

    protected virtual bool Confirm(string target, string action) => ShouldProcess(target, action);

    private string Action => Start ? "Start schedule" : "Stop schedule";

    private InFlightWindow<string, string?>? _sent;

    /// <summary>One change at a time, in input order: the API takes one job per request.</summary>
    private InFlightWindow<string, string?> Sent
        => _sent ??= new InFlightWindow<string, string?>(this, 1, Scheduled, Failed, (id, request, why) => null);

    protected override void ProcessRecord() => Sent.Reporting(() =>
    {
        foreach (var id in Id ?? new DqcId?[] { null })
            SetSchedule(id);
    });

    private void SetSchedule(DqcId? id)
    {
        if (!AcceptId(id, "quality job ID", out var value, Sent.Refuse)) return;
        if (!Confirm($"quality job {value.Value}", Action)) return;
        Sent.Send(value.Value, Client.SetJobScheduleAsync(value.Value, Start, CancelToken));
    }

    private void Scheduled(string id, string? message) => WriteVerbose($"{Action} of quality job {id}: {message}");

    private ErrorRecord Failed(string id, Exception ex)
    {
        if (!ErrorRecords.IsReported(ex)) ExceptionDispatchInfo.Capture(ex).Throw();
        return ToErrorRecord(ex, $"Could not {(Start ? "start" : "stop")} the schedule of quality job {id}", id);
    }
}

using System.Management.Automation;
using System.Runtime.ExceptionServices;
using DataArtsQuality.Completers;
using DataArtsQuality.Commands.Reporting;

namespace DataArtsQuality.Commands;

/// <summary>
/// UpdateQualityInstanceRecord (PUT /instances/{id}): the console's "Handling &amp; Record" — comment, hand over,
/// close, and optionally cancel the run. -CancelRun is what it says; the inverted wire polarity of cancel_run
/// (false = cancel) is handled in the core, and cancel_run is always sent.
/// </summary>
[Cmdlet(VerbsCommon.Add, "DqcInstanceRecord", DefaultParameterSetName = CommentSet, SupportsShouldProcess = true,
    ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(DqcInstanceRecord))]
public sealed class AddDqcInstanceRecord : DqcCmdlet
{
    private const string CommentSet = "Comment";
    private const string HandOverSet = "HandOver";
    private const string CloseSet = "Close";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(InstanceIdCompleter))]
    public DqcId[]? InstanceId { get; set; }

    [Parameter(Mandatory = true, Position = 1, ParameterSetName = CommentSet)]
    [Parameter(Position = 1, ParameterSetName = HandOverSet)]
    [Parameter(Position = 1, ParameterSetName = CloseSet)]
    [Alias("Detail")]
    public string? Comment { get; set; }

    /// <summary>The user the issue is handed over to (operator).</summary>
    [Parameter(Mandatory = true, ParameterSetName = HandOverSet)]
    [Alias("Operator")]
    public string? AssignTo { get; set; }

    /// <summary>Closes the issue (open=false).</summary>
    [Parameter(Mandatory = true, ParameterSetName = CloseSet)]
    public SwitchParameter Close { get; set; }

    /// <summary>Also stops the run (sends cancel_run=false, the documented "cancel" value).</summary>
    [Parameter]
    public SwitchParameter CancelRun { get; set; }

    /// <summary>With -CancelRun: no extra confirmation.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    private InFlightWindow<DqcInstanceRecord, string?>? _sent;

    /// <summary>One record at a time, in input order: the API takes one instance per request.</summary>
    private InFlightWindow<DqcInstanceRecord, string?> Sent
        => _sent ??= new InFlightWindow<DqcInstanceRecord, string?>(this, 1, Recorded, Failed,
            (record, request, why) => null);

    protected override void ProcessRecord() => Sent.Reporting(() =>
    {
        foreach (var raw in InstanceId ?? new DqcId?[] { null })
            Record(raw);
    });

    private void Record(DqcId? raw)
    {
        if (!AcceptId(raw, "instance ID", out var id, Sent.Refuse)) return;
        string action = ParameterSetName == CloseSet ? "Close" : ParameterSetName == HandOverSet ? "HandOver" : "Comment";
        string description = action == "Close" ? "Close the issue" : action == "HandOver" ? $"Hand over to '{AssignTo}'" : "Add a comment";
        if (CancelRun) description += " and cancel the run";
        if (!ShouldProcess($"instance {id.Value}", description)) return;
        if (CancelRun && !Force && !ShouldContinue($"Cancel the run of instance {id.Value}? It stops immediately.",
            "Cancel run"))
            return;
        var record = new DqcInstanceRecord
        {
            InstanceId = id.Value,
            Action = action,
            Detail = Comment,
            AssignedTo = AssignTo,
            RunCancelled = CancelRun,
        };
        Sent.Send(record,
            Client.UpdateInstanceRecordAsync(id.Value, Comment, AssignTo, action == "Close", CancelRun, CancelToken));
    }

    private void Recorded(DqcInstanceRecord record, string? message)
    {
        record.Message = message;
        WriteObject(record);
    }

    private ErrorRecord Failed(DqcInstanceRecord record, Exception ex)
    {
        if (!ErrorRecords.IsReported(ex)) ExceptionDispatchInfo.Capture(ex).Throw();
        return ToErrorRecord(ex, $"Could not record '{record.Action}' on instance {record.InstanceId}",
            record.InstanceId);
    }
}

using System.Management.Automation;
using System.Runtime.ExceptionServices;
using DataArtsQuality.Client.Reruns;
using DataArtsQuality.Completers;
using DataArtsQuality.Session;
using DataArtsQuality.Commands.Reporting;

namespace DataArtsQuality.Commands;

/// <summary>
/// Starts a new run of a quality or comparison job (ReStartTask) and emits the new instance. Rule IDs come from
/// the pipeline as strings or as objects with RuleId/Id/JobId and RuleType properties.
/// </summary>
/// <remarks>
/// Up to -ThrottleLimit reruns are in flight at once (all within the connection's rate limit), in an
/// <see cref="InFlightWindow{TItem, TResult}"/>: ProcessRecord starts the request and returns unless the window is
/// full; output and errors come in input order; EndProcessing drains the window. Every request that goes on the
/// wire is on record first (<see cref="DqcRerunBatch"/>, listed by Get-DqcRerun) and reported once: as output, error
/// or warning in its turn, or, when the pipeline is stopped (Ctrl+C, Stop-Job), in the stop report written to the
/// host after a short grace for the answers on the wire.
/// </remarks>
[Cmdlet(VerbsLifecycle.Restart, "DqcJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(DqcInstance))]
public sealed partial class RestartDqcJob : DqcCmdlet
{
    private InFlightWindow<Rerun, RerunAnswer> _window = null!;

    /// <summary>
    /// The job IDs: strings or integers of any type, kept exact. A floating-point number above 2^53 is refused because
    /// its last digits are already gone. Several IDs given to the parameter run as if they had been piped.
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id", "JobId")]
    [ArgumentCompleter(typeof(JobIdCompleter))]
    [AllowNull]
    public DqcId[]? RuleId { get; set; }

    /// <summary>Quality (1, the default) or Comparison (2). A string so that a bad value fails only its own
    /// item.</summary>
    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(RuleTypeCompleter))]
    [AllowEmptyString]
    [AllowNull]
    public string? RuleType { get; set; } = nameof(DqcRuleType.Quality);

    /// <summary>
    /// The job's name, shown on the new instance. Binds by property name from Get-DqcJob output; not needed otherwise.
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
    [AllowEmptyString]
    [AllowNull]
    public string? JobName { get; set; }

    /// <summary>
    /// How many reruns may be in flight at once (default 4). The connection's rate limit still applies. Under
    /// -ErrorAction Stop the default is 1, so nothing after a failing item is started.
    /// </summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 4;

    /// <summary>Wait for the new runs to leave RUNNING and emit them in their final state (see
    /// Wait-DqcInstance).</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>With -Wait: seconds to wait in all (default 3600).</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int TimeoutSec { get; set; } = 3600;

    /// <summary>With -Wait: seconds between polls (default 10).</summary>
    [Parameter]
    [ValidateRange(1, 86400)]
    public int PollIntervalSec { get; set; } = 10;

    private readonly List<DqcInstance> _submitted = new List<DqcInstance>();
    // The record of each submitted instance kept for the wait, so the wait reports it once.
    private readonly Dictionary<string, DqcRerun> _waitedRecords = new Dictionary<string, DqcRerun>(
        StringComparer.Ordinal);
    private ItemProgress _progress = null!;
    // Made at the first send; StopProcessing reads it from another thread.
    private DqcRerunBatch? _batch;
    // Looks for the runs of lost answers; made with the batch, null when LostAnswerLookCount is 0.
    private DqcLostAnswerSearch? _search;
    private TimeSpan _stopGrace;

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        int throttleLimit = !MyInvocation.BoundParameters.ContainsKey(nameof(ThrottleLimit)) && ErrorActionIsStop() ? 1 : ThrottleLimit;
        // The total is known when the IDs came as an argument, not from the pipeline.
        _progress = new ItemProgress(this, "Re-running jobs", "re-run",
            MyInvocation.ExpectingInput || RuleId is null ? (int?)null : RuleId.Length);
        _window = new InFlightWindow<Rerun, RerunAnswer>(this, throttleLimit, OnRerun, RerunError, LaterWarning)
        {
            Reported = () => _progress.ItemDone(),
            ReportOnce = (entry, how, write) => ReportOnce(entry.Ticket.Record, how, write),
        };
        _stopGrace = TimeSpan.FromSeconds(DqcConfigState.Current.StopGraceSec);
        _sinceGiven = MyInvocation.BoundParameters.ContainsKey(nameof(IfNotRunSince));
    }

    /// <summary>Writes a report of a sent rerun unless it was reported already (the stop report came first).</summary>
    private static bool ReportOnce(DqcRerun? record, DqcRerunReport how, Action write)
    {
        if (record != null) return record.TryReport(how, write);
        write();
        return true;
    }

    /// <summary>
    /// Ctrl+C, Stop-Job, PowerShell.Stop(): nothing more is sent, the reruns on the wire get the grace
    /// (Set-DqcConfig -StopGraceSec) to answer, then every rerun sent and not reported yet is named on the host: the
    /// pipeline's streams are closed by now, the host's UI is not (in a thread job it reaches the job's output).
    /// </summary>
    protected override void StopProcessing()
    {
        var batch = Volatile.Read(ref _batch);
        if (batch is null)
        {
            base.StopProcessing();
            return;
        }
        var unreported = batch.Stop(_stopGrace, base.StopProcessing);
        // Past the wait the pipeline thread is handing that one downstream: it counts as reported there.
        var taken = unreported.Where(
            r => r.TryReport(DqcRerunReport.StopReport, () => { }, TimeSpan.FromMilliseconds(500))).ToList();
        foreach (string line in DqcStopReport.Lines(taken))
        {
            try
            {
                Host.UI.WriteWarningLine(line);
            }
            catch (Exception)
            {
                // A host without a UI (a bare runspace): Get-DqcRerun still lists them.
            }
        }
    }

    protected override void ProcessRecord() => Reporting(ProcessItem);

    /// <summary>
    /// The window's reporting, and with -Wait also the reruns already submitted: they were kept for the wait, so
    /// when the pipeline stops before it (an error under -ErrorAction Stop) each is reported as a warning.
    /// </summary>
    private void Reporting(Action step)
    {
        try
        {
            _window.Reporting(step);
        }
        catch (Exception) when (Wait && _submitted.Count > 0 && !Pump.Token.IsCancellationRequested)
        {
            WarnUnwaited(_submitted.ToList(), "the pipeline stopped before the wait");
            _submitted.Clear();
            throw;
        }
    }

    /// <summary>A warning for each rerun that started but whose wait did not happen or did not end.</summary>
    private void WarnUnwaited(IEnumerable<DqcInstance> instances, string why)
    {
        try
        {
            foreach (var instance in instances)
            {
                _waitedRecords.TryGetValue(instance.InstanceId, out var record);
                ReportOnce(record, DqcRerunReport.Warning, () =>
                    WriteWarning($"{DqcRuleTypes.Describe(instance.RuleType)} {instance.RuleId} was re-run (instance {instance.InstanceId}), but {why}."));
            }
        }
        catch (Exception)
        {
            // The host no longer takes warnings; the original failure matters more.
        }
    }

    private void ProcessItem()
    {
        foreach (var id in RuleId ?? new DqcId?[] { null })
            Submit(id);
    }

    private void Submit(DqcId? id)
    {
        var refusal = ErrorRecords.IdRefusal(id, "rule ID", out string ruleId);
        if (refusal != null)
        {
            _window.Refuse(refusal);
            return;
        }

        if (!DqcRuleTypes.TryParse(RuleType, out var ruleType))
        {
            _window.Refuse(InvalidInput("DqcInvalidRuleType",
                $"The rule type '{RuleType}' of rule ID {ruleId} is not valid. Use Quality (1) or Comparison (2).",
                ruleId));
            return;
        }

        if (!ShouldProcess($"{DqcRuleTypes.Describe(ruleType)} {ruleId}", "Re-run"))
            return;
        if (HasNewerRun(ruleId, ruleType))
            return;

        var client = Client;
        var batch = _batch;
        if (batch is null)
        {
            batch = new DqcRerunBatch(DqcSessionState.Reruns, client.Connection.Name, client.Connection.WorkspaceId);
            _search = NewSearch(client);
            // Published for StopProcessing, which reads it on the stopping thread.
            Volatile.Write(ref _batch, batch);
        }
        var ticket = new DqcRerunTicket(ruleId, ruleType, string.IsNullOrEmpty(JobName) ? null : JobName);
        var request = batch.Track(ticket, client.RestartJobAsync(ruleType, id!, CancelToken, batch.GateFor(ticket)));
        _window.Send(new Rerun(ticket, DateTimeOffset.Now), AnswerAsync(ticket, request));
    }

    private DqcLostAnswerSearch? NewSearch(DqcClient client)
    {
        var settings = DqcConfigState.Current;
        return settings.LostAnswerLookCount == 0 ? null : DqcLostAnswerSearch.For(client, settings.LostAnswerLookCount,
            TimeSpan.FromSeconds(settings.LostAnswerLookIntervalSec), DqcSessionState.Reruns, CancelToken);
    }

    /// <summary>
    /// The rerun's answer; when it was lost (the rerun may have started), the run found among the job's instances.
    /// When none is found the original failure stands (DqcRerunOutcomeUnknown), and the record says what was looked at.
    /// </summary>
    private async Task<RerunAnswer> AnswerAsync(DqcRerunTicket ticket, Task<string> request)
    {
        try
        {
            return new RerunAnswer(await request.ConfigureAwait(false), null, null);
        }
        catch (Exception ex) when (_search != null && DqcRerunBatch.MayHaveStarted(ex) && ticket.Record != null && !CancelToken.IsCancellationRequested)
        {
            // The batch settles the record too; whichever comes first, it is in doubt before the look.
            ticket.Record.InDoubt(ex.Message);
            var run = await _search.FindAsync(ticket.Record).ConfigureAwait(false);
            if (run is null) ExceptionDispatchInfo.Capture(ex).Throw();
            return new RerunAnswer(run!.InstanceId, run, ex);
        }
    }

    protected override void EndProcessing()
    {
        Reporting(_window.Drain);

        _progress.Complete();

        // With -Wait: one wait for every run submitted, sharing one instance listing per poll.
        if (Wait && _submitted.Count > 0)
        {
            var reported = new HashSet<string>(StringComparer.Ordinal);
            try
            {
                WaitResultWriter.Wait(this, Client, Pump, _submitted.ConvertAll(WaitResultWriter.Target),
                    WaitResultWriter.Options(TimeoutSec, PollIntervalSec), (id, write) =>
                    {
                        reported.Add(id);
                        _waitedRecords.TryGetValue(id, out var record);
                        return ReportOnce(record, DqcRerunReport.Output, write);
                    });
            }
            catch (Exception ex) when (!(ex is PipelineStoppedException))
            {
                // The wait broke (the service failed a poll, the pipeline stopped downstream): the reruns it had not
                // reported yet did start, so each is reported once before the failure goes on.
                WarnUnwaited(_submitted.Where(i => !reported.Contains(i.InstanceId)), "waiting for it failed");
                if (ex is DqcException)
                    ThrowTerminatingError(ToErrorRecord(ex, "Waiting for the new runs failed", null));
                throw;
            }
        }
    }

    /// <summary>
    /// The one place a submitted rerun reaches the pipeline; with -Wait it is kept for the wait instead. A run found
    /// after its answer was lost comes with <paramref name="warning"/>, written first.
    /// </summary>
    private void OnSubmitted(DqcInstance instance, DqcRerun? record, string? warning)
    {
        if (Wait)
        {
            if (warning != null) WriteWarning(warning);
            _submitted.Add(instance);
            if (record != null) _waitedRecords[instance.InstanceId] = record;
        }
        else ReportOnce(record, DqcRerunReport.Output, () =>
        {
            if (warning != null) WriteWarning(warning);
            WriteObject(AsSubmitted(instance));
        });
    }

    /// <summary>
    /// A just-submitted run has no status or start time yet; its own type name selects the table view that shows
    /// what is known (instance, job, type, submitted at, job name) instead of empty columns.
    /// </summary>
    internal const string SubmittedTypeName = "DataArtsQuality.Models.DqcInstance#Submitted";

    private static PSObject AsSubmitted(DqcInstance instance)
    {
        var wrapped = new PSObject(instance);
        wrapped.TypeNames.Insert(0, SubmittedTypeName);
        return wrapped;
    }

    private void OnRerun(Rerun entry, RerunAnswer answer)
    {
        if (answer.NotStartedFor != null) OnSubmitted(answer.FoundRun!, null, answer.NotStartedFor);
        else OnStarted(entry, answer);
    }

    private void OnStarted(Rerun entry, RerunAnswer answer) => OnSubmitted(new DqcInstance
    {
        InstanceId = answer.InstanceId,
        RuleId = entry.RuleId,
        RuleType = entry.RuleType,
        JobName = entry.JobName,
        SubmittedAt = entry.SubmittedAt,
        WorkspaceId = Client.Connection.WorkspaceId,
        Name = answer.FoundRun?.Name,
        RunStatus = answer.FoundRun?.RunStatus,
        NotifyStatus = answer.FoundRun?.NotifyStatus,
        StartTime = answer.FoundRun?.StartTime,
        EndTime = answer.FoundRun?.EndTime,
    }, entry.Ticket.Record, answer.LostAnswer is null ? null : FoundWarning(entry, answer));

    private static string FoundWarning(Rerun entry, RerunAnswer answer) => string.Format(CultureInfo.InvariantCulture,
        "The answer to the rerun of {0} {1} was lost ({2}); its run was found among the job's instances: instance {3}, started {4:yyyy-MM-dd HH:mm:ss zzz}. It was not sent again.",
        DqcRuleTypes.Describe(entry.RuleType), entry.RuleId, answer.LostAnswer!.Message.TrimEnd('.'), answer.InstanceId,
        answer.FoundRun!.StartTime);

    /// <summary>
    /// A rerun that failed. When the request may have reached the service (a timeout, a connection that broke after
    /// sending, HTTP 500/504) nobody knows whether the job runs now: the error says so, has its own ID
    /// (DqcRerunOutcomeUnknown) and was never retried. A 2xx whose body could not be read means the rerun was
    /// accepted and only its instance ID is unknown (DqcRerunAcceptedIdUnknown).
    /// </summary>
    private static ErrorRecord RerunError(Rerun entry, Exception ex)
    {
        string what = DqcRuleTypes.Describe(entry.RuleType);
        var record = entry.Ticket.Record;
        string looked = record?.State == DqcRerunState.NotFound ? " Its run was looked for: " + record.Detail : "";
        if (ex is DqcResponseFormatException)
        {
            // A 2xx: the service accepted the rerun; only its answer (the new instance ID) is lost.
            string message = $"The service accepted the rerun of {what} {entry.RuleId}, but its answer could not be read, so the new instance ID is unknown: {ex.Message}{looked}";
            return ErrorRecords.Create(ex, "DqcRerunAcceptedIdUnknown", ErrorCategory.InvalidResult, entry.RuleId,
                message,
                $"The job runs: find its new instance with Get-DqcInstance (job {entry.RuleId}) rather than re-running it.");
        }
        if (ex is not DqcException { MayHaveBeenProcessed: true })
            return ToErrorRecord(ex, $"Could not re-run {what} {entry.RuleId}", entry.RuleId);

        var mapped = ToErrorRecord(ex, $"The rerun of {what} {entry.RuleId} may or may not have started", entry.RuleId);
        return ErrorRecords.Create(ex, "DqcRerunOutcomeUnknown", mapped.CategoryInfo.Category, entry.RuleId,
            mapped.ErrorDetails.Message.TrimEnd() + (mapped.ErrorDetails.Message.TrimEnd().EndsWith(".") ? "" : ".")
                + " It was not sent again, so that the job does not run twice." + looked,
            $"Resolve-DqcRerun looks for its run again (Get-DqcRerun -Open lists it); do not re-run {what} {entry.RuleId} before that.");
    }

    /// <summary>
    /// The warning for a rerun still in flight when the pipeline began to stop: every one that was sent is reported.
    /// After a Ctrl+C (the requests were cancelled) none is written here: the stop report names them.
    /// </summary>
    private string? LaterWarning(Rerun entry, Task<RerunAnswer> request, string why)
    {
        string what = DqcRuleTypes.Describe(entry.RuleType);
        if (request.Status == TaskStatus.RanToCompletion)
            return $"{what} {entry.RuleId} was also re-run (instance {request.Result.InstanceId}) before {why}.";
        if (request.IsCanceled || request.Exception?.InnerException is OperationCanceledException)
            return CancelToken.IsCancellationRequested ? null : $"{what} {entry.RuleId}, started before {why}, was cancelled; it may or may not have started.";
        if (request.Exception?.InnerException is Exception failure)
        {
            string outcome = failure is DqcResponseFormatException ? " (the service accepted it; the instance ID is unknown)" : "";
            return $"{what} {entry.RuleId}, started before {why}{outcome}: {failure.Message}";
        }
        return null;
    }

    /// <summary>A rerun that was sent: what its instance and its messages say about it.</summary>
    private sealed class Rerun
    {
        public Rerun(DqcRerunTicket ticket, DateTimeOffset submittedAt)
        {
            Ticket = ticket;
            SubmittedAt = submittedAt;
        }

        public DqcRerunTicket Ticket { get; }
        public string RuleId => Ticket.RuleId;
        public DqcRuleType RuleType => Ticket.RuleType;
        public DateTimeOffset SubmittedAt { get; }
        public string? JobName => Ticket.JobName;
    }
}

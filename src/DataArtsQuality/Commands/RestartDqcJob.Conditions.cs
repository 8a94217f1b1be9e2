using System.Management.Automation;
using DataArtsQuality.Client.Reruns;
using DataArtsQuality.Session;
using DataArtsQuality.Commands.Reporting;

namespace DataArtsQuality.Commands;

/// <summary>
/// Conditional reruns (restart-safe runbooks): a piped run (its StartTime) or -IfNotRunSince makes a rerun start
/// only if the job has not started a run since; -Force starts it regardless. A piped job is not conditional: its
/// LastRunTime is the service's, whose updating is not documented, and `Get-DqcJob | Restart-DqcJob` asks for runs.
/// The decision is <see cref="DqcNewerRunCheck"/>'s; this part turns it into output.
/// </summary>
public sealed partial class RestartDqcJob
{
    /// <summary>
    /// Start the job only if it has not started a run since this time. Bound from a piped run's StartTime, so
    /// `Get-DqcInstance -RunStatus FAILED | Restart-DqcJob` does not start a job that already has a newer run; given
    /// on the command line it is a time of this machine's clock.
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("StartTime")]
    public DateTimeOffset? IfNotRunSince { get; set; }

    /// <summary>The run the caller saw, when a run is piped (its InstanceId): it is never newer than itself.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
    [Alias("InstanceId")]
    [AllowNull]
    [AllowEmptyString]
    public string? ReferenceInstanceId { get; set; }

    /// <summary>Start every job given, also one that has a newer run than the one piped (no condition).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    private bool _sinceGiven;
    private DqcNewerRunCheck? _check;
    // The newer runs emitted so far: a job piped twice stands for one run, reported once.
    private readonly HashSet<string> _newerEmitted = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Whether the item is conditional and its job has a newer run; if so it has been reported and is not
    /// sent.</summary>
    private bool HasNewerRun(string ruleId, DqcRuleType ruleType)
    {
        if (Force || IfNotRunSince is null) return false;
        var condition = new DqcRerunCondition(IfNotRunSince.Value, _sinceGiven,
            string.IsNullOrEmpty(ReferenceInstanceId) ? null : ReferenceInstanceId);
        DqcConditionOutcome outcome;
        try
        {
            _check ??= DqcNewerRunCheck.For(Client, DqcSessionState.Reruns, SentHere);
            outcome = Run(ct => _check.DecideAsync(ruleId, ruleType, condition, ct));
        }
        catch (Exception ex) when (ErrorRecords.IsReported(ex))
        {
            _window.Refuse(ErrorRecords.Create(ex, "DqcRerunCheckFailed", ErrorCategory.ConnectionError, ruleId,
                $"Whether {DqcRuleTypes.Describe(ruleType)} {ruleId} has run since {condition.Since:yyyy-MM-dd HH:mm:ss zzz} could not be checked, so it was not re-run: {ex.Message}",
                "Run it again, or use -Force to re-run without the check."));
            return true;
        }
        if (outcome.Kind == DqcConditionKind.Start) return false;
        NotStarted(ruleId, ruleType, condition, outcome);
        return true;
    }

    private void NotStarted(string ruleId, DqcRuleType ruleType, DqcRerunCondition condition,
        DqcConditionOutcome outcome)
    {
        string what = $"{DqcRuleTypes.Describe(ruleType)} {ruleId}";
        string since = condition.Since.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
        if (outcome.Kind == DqcConditionKind.RerunSent)
        {
            var rerun = outcome.Rerun!;
            // This command re-ran it already (reported with that item), or a rerun of another is still unanswered.
            if (SentHere(rerun)) WriteVerbose($"{what} was not re-run again: this command re-ran it after {since}.");
            else WriteWarning($"{what} was not re-run: this session re-ran it at {rerun.SentAt:yyyy-MM-dd HH:mm:ss zzz}, after {since}, and its outcome is not known yet (Get-DqcRerun). Use -Force to re-run it anyway.");
            return;
        }
        var run = outcome.Run!;
        if (!_newerEmitted.Add(run.InstanceId) || DqcSessionState.Reruns.Snapshot().Any(
            r => SentHere(r) && r.InstanceId == run.InstanceId))
        {
            WriteVerbose(
                $"{what} was not re-run again: it has run since {since} (instance {run.InstanceId}), reported above.");
            return;
        }
        string message = string.Format(CultureInfo.InvariantCulture,
            "{0} was not re-run: it has run since {1} (instance {2}{3}{4}); that run is reported instead. Use -Force to re-run it anyway.",
            what, since, run.InstanceId,
            run.StartTime is null ? "" : ", started " +
            run.StartTime.Value.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture),
            run.RunStatus is null ? "" : ", " + run.RunStatus);
        if (run.JobName is null && !string.IsNullOrEmpty(JobName)) run.JobName = JobName;
        var ticket = new DqcRerunTicket(ruleId, ruleType, run.JobName);
        _window.Send(new Rerun(ticket, DateTimeOffset.Now),
            Task.FromResult(new RerunAnswer(run.InstanceId, run, null, message)));
    }

    /// <summary>Whether this invocation sent <paramref name="rerun"/> (its batch's record).</summary>
    private bool SentHere(DqcRerun rerun) => Volatile.Read(ref _batch)?.Sent(rerun) == true;
}

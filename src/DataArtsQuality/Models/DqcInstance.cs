namespace DataArtsQuality.Models;

/// <summary>
/// One run ("instance") of a quality or comparison job. Restart-DqcJob emits it right after submitting a rerun;
/// the list cmdlets fill in the run state. There is deliberately no <c>Id</c> property: piping an instance into
/// Restart-DqcJob must bind the job (RuleId/JobId), never the instance ID.
/// </summary>
public sealed class DqcInstance
{
    /// <summary>The instance ID, a 64-bit integer kept as its exact decimal text.</summary>
    public string InstanceId { get; set; } = "";

    /// <summary>The job (rule) this is a run of.</summary>
    public string RuleId { get; set; } = "";

    /// <summary>Same as <see cref="RuleId"/>; the API calls it <c>task_id</c>.</summary>
    public string JobId => RuleId;

    public DqcRuleType RuleType { get; set; }

    /// <summary>Instance name as the service reports it (<c>&lt;job name&gt;-&lt;n&gt;</c>); empty until
    /// listed.</summary>
    public string? Name { get; set; }

    /// <summary>RUNNING, SUCCESS, ALARMING, FAILED (or another service value); null when not known yet.</summary>
    public string? RunStatus { get; set; }

    public string? NotifyStatus { get; set; }

    public DateTimeOffset? StartTime { get; set; }

    public DateTimeOffset? EndTime { get; set; }

    public TimeSpan? Duration => StartTime.HasValue && EndTime.HasValue ? EndTime - StartTime : null;

    /// <summary>
    /// The job's name where this client knows it: Restart-DqcJob sets it when the job came from a piped job object
    /// (Get-DqcJob output). Null otherwise; the service's instance <see cref="Name"/> carries it once listed.
    /// </summary>
    public string? JobName { get; set; }

    /// <summary>When this client submitted the rerun (set by Restart-DqcJob only).</summary>
    public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>The workspace the instance belongs to.</summary>
    public string? WorkspaceId { get; set; }

    public override string ToString() => InstanceId;
}

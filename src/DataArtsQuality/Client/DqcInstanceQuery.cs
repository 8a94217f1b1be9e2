namespace DataArtsQuality.Client;

/// <summary>Server-side filters of ListInstances. Null means "not filtered".</summary>
internal sealed class DqcInstanceQuery
{
    /// <summary>The job ("rule") name filter.</summary>
    public string? Name { get; set; }

    /// <summary>task_type: QUALITY_TASK or CONSISTENCY_TASK.</summary>
    public DqcRuleType? JobType { get; set; }

    /// <summary>RUNNING, FAILED, ALARMING, SUCCESS, SUSPENDING or UNKNOWN (sent upper case).</summary>
    public string? RunStatus { get; set; }

    /// <summary>NOT_TRIGGERED, SUCCESS or FAILED (sent upper case).</summary>
    public string? NotifyStatus { get; set; }

    /// <summary>Start of the window on the run's start time (start_time, ms).</summary>
    public DateTimeOffset? After { get; set; }

    /// <summary>End of the window (end_time, ms).</summary>
    public DateTimeOffset? Before { get; set; }

    internal List<KeyValuePair<string, string>> ToQuery()
    {
        var q = new List<KeyValuePair<string, string>>();
        if (!string.IsNullOrEmpty(Name)) q.Add(DqcClient.QueryPair("name", Name!));
        if (JobType.HasValue) q.Add(DqcClient.QueryPair("task_type", DqcRuleTypes.ToTaskType(JobType.Value)));
        if (!string.IsNullOrEmpty(RunStatus)) q.Add(DqcClient.QueryPair("run_status", RunStatus!.ToUpperInvariant()));
        if (!string.IsNullOrEmpty(NotifyStatus))
            q.Add(DqcClient.QueryPair("notify_status", NotifyStatus!.ToUpperInvariant()));
        if (After.HasValue) q.Add(DqcClient.QueryPair("start_time", DqcTime.ToMs(After.Value)));
        if (Before.HasValue) q.Add(DqcClient.QueryPair("end_time", DqcTime.ToMs(Before.Value)));
        return q;
    }
}

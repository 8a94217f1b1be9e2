namespace DataArtsQuality.Client;

/// <summary>Server-side filters of ListQualityTask / ListConsistencyTask. Null means "not filtered".</summary>
internal sealed class DqcJobQuery
{
    public string? Name { get; set; }

    public string? CategoryId { get; set; }

    /// <summary>UNKNOWN, NOT_START, SCHEDULING, FINISH_SUCCESS, KILL or RUNNING_EXCEPTION (sent upper case).</summary>
    public string? ScheduleStatus { get; set; }

    public string? Creator { get; set; }

    /// <summary>Start of the last-run-time window (start_time, ms).</summary>
    public DateTimeOffset? LastRunAfter { get; set; }

    /// <summary>End of the last-run-time window (end_time, ms).</summary>
    public DateTimeOffset? LastRunBefore { get; set; }

    internal List<KeyValuePair<string, string>> ToQuery()
    {
        var q = new List<KeyValuePair<string, string>>();
        if (CategoryId != null)
        {
            q.Add(DqcClient.QueryPair("category_id", DqcIds.Require(CategoryId, "category ID")));
        }
        if (!string.IsNullOrEmpty(Name)) q.Add(DqcClient.QueryPair("name", Name!));
        if (!string.IsNullOrEmpty(ScheduleStatus))
            q.Add(DqcClient.QueryPair("schedule_status", ScheduleStatus!.ToUpperInvariant()));
        if (LastRunAfter.HasValue) q.Add(DqcClient.QueryPair("start_time", DqcTime.ToMs(LastRunAfter.Value)));
        if (LastRunBefore.HasValue) q.Add(DqcClient.QueryPair("end_time", DqcTime.ToMs(LastRunBefore.Value)));
        if (!string.IsNullOrEmpty(Creator)) q.Add(DqcClient.QueryPair("creator", Creator!));
        return q;
    }
}

namespace DataArtsQuality.Client;

/// <summary>Filters of the v1 quality-job list. Null means "not filtered".</summary>
internal sealed class DqcLegacyJobQuery
{
    public string? Name { get; set; }
    public string? CategoryId { get; set; }
    /// <summary>1 not started, 2 scheduling, 3 finished, 4 stopped, 5 abnormal.</summary>
    public int? ScheduleStatus { get; set; }
    /// <summary>1 minute, 2 hour, 3 day, 4 week, 5 month.</summary>
    public int? SchedulePeriod { get; set; }
    /// <summary>0 running, 1 abnormal, 2 alarm, 3 normal.</summary>
    public int? ResultStatus { get; set; }
    public DateTimeOffset? After { get; set; }
    public DateTimeOffset? Before { get; set; }
}

namespace DataArtsQuality.Models;

/// <summary>
/// A quality or comparison job as Get-DqcJob / Get-DqcComparisonJob list it. <see cref="Id"/> and
/// <see cref="RuleType"/> bind to Restart-DqcJob by property name, so a list piped into it re-runs each job with
/// the right rule_type.
/// </summary>
public class DqcJob
{
    /// <summary>The job ID, a 64-bit integer kept as its exact decimal text.</summary>
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>Same as <see cref="Name"/>: binds to Restart-DqcJob's -JobName by property name, so a rerun of a piped
    /// job shows the job's name.</summary>
    public string JobName => Name;

    /// <summary>Quality (ListQualityTask) or Comparison (ListConsistencyTask).</summary>
    public DqcRuleType RuleType { get; set; }

    /// <summary>The directory (catalog) the job is in; "0" is the root.</summary>
    public string? CategoryId { get; set; }

    /// <summary>UNKNOWN, NOT_START, SCHEDULING, FINISH_SUCCESS, KILL or RUNNING_EXCEPTION.</summary>
    public string? ScheduleStatus { get; set; }

    /// <summary>MINUTE, HOUR, DAY or WEEK; null for jobs that run once.</summary>
    public string? SchedulePeriod { get; set; }

    /// <summary>A number for MINUTE/HOUR/DAY, weekday names for WEEK.</summary>
    public string? ScheduleInterval { get; set; }

    public DateTimeOffset? CreateTime { get; set; }

    /// <summary>When the job last ran; null if it never did.</summary>
    public DateTimeOffset? LastRunTime { get; set; }

    public string? Creator { get; set; }

    /// <summary>The workspace the job belongs to.</summary>
    public string? WorkspaceId { get; set; }

    public override string ToString() => Id;
}

/// <summary>A job's detail (ShowQualityTaskDetail / ShowConsistencyTaskDetail) with its sub-rules.</summary>
public sealed class DqcJobDetail : DqcJob
{
    public string? Description { get; set; }

    /// <summary>Alarm level: SUGGEST, MINOR, MAJOR or FATAL.</summary>
    public string? Level { get; set; }

    public string? AlarmCondition { get; set; }

    public bool? AlarmNotify { get; set; }

    public string? AlarmNotifyType { get; set; }

    public string? AlarmNotifyTopic { get; set; }

    /// <summary>ONCE or PERIODIC.</summary>
    public string? ScheduleType { get; set; }

    public string? ScheduleStartDate { get; set; }

    public string? ScheduleEndDate { get; set; }

    public string? ScheduleStartTime { get; set; }

    public string? ScheduleEndTime { get; set; }

    public string? ScheduleCron { get; set; }

    public IReadOnlyList<DqcSubRule> SubRules { get; set; } = Array.Empty<DqcSubRule>();
}

/// <summary>One rule of a job.</summary>
public sealed class DqcSubRule
{
    public string Id { get; set; } = "";

    /// <summary>The job the sub-rule belongs to.</summary>
    public string JobId { get; set; } = "";

    public string? Name { get; set; }

    /// <summary>SingleDatabase, SingleTable, SingleColumn, CrossColumn or Customize.</summary>
    public string? Type { get; set; }

    public string? TemplateId { get; set; }

    /// <summary>The data connection ID.</summary>
    public string? Connection { get; set; }

    public string? ConnectionType { get; set; }

    public string? Databases { get; set; }

    public string? Tables { get; set; }

    public string? Columns { get; set; }

    public string? ReferenceTables { get; set; }

    public string? ReferenceColumns { get; set; }

    public string? Sql { get; set; }

    public string? Dimension { get; set; }

    public string? Queue { get; set; }

    public int? Weight { get; set; }

    public string? AlarmCondition { get; set; }

    public bool? IgnoreError { get; set; }

    /// <summary>The regular expression, for sub-rules on a regular-expression template.</summary>
    public string? RegularExpression { get; set; }

    /// <summary>The template's arguments, as the service sends them (text).</summary>
    public string? TemplateArguments { get; set; }

    /// <summary>Which rows the rule looks at (calculation_range; the service's wording).</summary>
    public string? CalculationRange { get; set; }

    /// <summary>The SQL condition of a calculation range given as SQL.</summary>
    public string? CalculationRangeSql { get; set; }

    /// <summary>Quality jobs: whether abnormal rows are exported to an abnormal table.</summary>
    public bool? ExportAbnormalTable { get; set; }

    public string? AbnormalTableDatabase { get; set; }

    public string? AbnormalTableSchema { get; set; }

    /// <summary>The table the abnormal columns are in.</summary>
    public string? AbnormalTable { get; set; }

    public string? AbnormalTablePrefix { get; set; }

    public string? AbnormalTableSuffix { get; set; }

    /// <summary>The abnormal columns, comma-separated.</summary>
    public string? AbnormalTableColumns { get; set; }

    public string? AbnormalTableSql { get; set; }

    /// <summary>Whether the abnormal table also gets the rule's configuration.</summary>
    public bool? AbnormalTableOutConfig { get; set; }

    /// <summary>Whether null values count as abnormal rows.</summary>
    public bool? AbnormalTableIncludeNullValue { get; set; }

    /// <summary>How many abnormal rows are written; 0 means all.</summary>
    public long? AbnormalTableOutDataNumber { get; set; }

    /// <summary>Quality jobs: whether quality scoring is on.</summary>
    public bool? ScoreSwitch { get; set; }

    public string? ScoreSchema { get; set; }

    public string? ScoreTable { get; set; }

    public string? ScoreExpression { get; set; }

    /// <summary>
    /// For comparison jobs whose sub_rules arrive as an array of arrays: the index of the inner array (one per
    /// comparison pair [inf]). Null when the service sent a flat array.
    /// </summary>
    public int? Group { get; set; }

    public override string ToString() => Name ?? Id;
}

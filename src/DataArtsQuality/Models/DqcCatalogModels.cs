namespace DataArtsQuality.Models;

/// <summary>A job directory (ListCategory). The root is ID 0, "All", parent "-1".</summary>
public sealed class DqcCategory
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>built_in or user-defined.</summary>
    public string? Type { get; set; }
    /// <summary>The parent's ID as the service sends it (a string; "-1" for the root).</summary>
    public string? ParentId { get; set; }
    /// <summary>Names from the root down, joined with '/': "All/finance/daily".</summary>
    public string Path { get; set; } = "";
    /// <summary>0 for the root.</summary>
    public int Depth { get; set; }
    public IReadOnlyList<DqcCategory> Children { get; set; } = Array.Empty<DqcCategory>();
    public override string ToString() => Path;
}

/// <summary>A rule template (ListQualityTemplates / ShowTemplatesDetail / CreateTemplate / UpdateTemplate).</summary>
public sealed class DqcRuleTemplate
{
    public string Id { get; set; } = "";
    public string? Name { get; set; }
    public string? CategoryId { get; set; }
    /// <summary>Completeness, Uniqueness, Timeliness, Validity, Accuracy or Consistency.</summary>
    public string? Dimension { get; set; }
    /// <summary>Field, Table, Database, Cross-field or Customize.</summary>
    public string? Type { get; set; }
    public bool IsSystemTemplate { get; set; }
    public string? Sql { get; set; }
    /// <summary>abnormal_table_template; the detail call does not return it.</summary>
    public string? AbnormalTableSql { get; set; }
    public string? ResultDescription { get; set; }
    public DateTimeOffset? CreateTime { get; set; }
    public string? Creator { get; set; }
    public override string ToString() => Id;
}

/// <summary>A quality job from the v1 list (ListQualityTaskLists, GET /v1/{project_id}/quality/rules).</summary>
public sealed class DqcLegacyJob
{
    public string Id { get; set; } = "";
    public string? Name { get; set; }
    /// <summary>Same as <see cref="Name"/>: binds to Restart-DqcJob's -JobName by property name.</summary>
    public string? JobName => Name;
    /// <summary>Always Quality: the v1 list has quality jobs only. Lets the object pipe into Restart-DqcJob.</summary>
    public DqcRuleType RuleType => DqcRuleType.Quality;
    /// <summary>v1 schedule_status as a name: NotStarted (1), Scheduling (2), Finished (3), Stopped (4), Abnormal
    /// (5).</summary>
    public string? ScheduleStatus { get; set; }
    public int? ScheduleStatusCode { get; set; }
    public string? Creator { get; set; }
    public DateTimeOffset? CreateTime { get; set; }
    public DateTimeOffset? ModifyTime { get; set; }
    /// <summary>calc_offset_time: when the job last computed a result.</summary>
    public DateTimeOffset? CalcTime { get; set; }
    public string? DwName { get; set; }
    public string? DbName { get; set; }
    public override string ToString() => Id;
}

/// <summary>What Add-DqcInstanceRecord did to an instance (UpdateQualityInstanceRecord).</summary>
public sealed class DqcInstanceRecord
{
    public string InstanceId { get; set; } = "";
    /// <summary>Comment, HandOver or Close.</summary>
    public string Action { get; set; } = "";
    public string? Detail { get; set; }
    public string? AssignedTo { get; set; }
    /// <summary>True when the run was asked to stop (cancel_run sent as false).</summary>
    public bool RunCancelled { get; set; }
    /// <summary>The service's data field.</summary>
    public string? Message { get; set; }
}

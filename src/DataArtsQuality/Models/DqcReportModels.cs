namespace DataArtsQuality.Models;

/// <summary>Quality report overview (GetQualityReportOverview) with the configured maximum
/// (GetQualityReportScoring).</summary>
public sealed class DqcReportOverview
{
    /// <summary>Technology or Business.</summary>
    public string Dimension { get; set; } = "";
    public double? Score { get; set; }
    public int? FullScore { get; set; }
    public IReadOnlyList<DqcScoreRange> Ranges { get; set; } = Array.Empty<DqcScoreRange>();
}

/// <summary>How many objects score within a range ("80-100").</summary>
public sealed class DqcScoreRange
{
    public string? Name { get; set; }
    public int Count { get; set; }
    public override string ToString() => $"{Name}: {Count}";
}

/// <summary>One point of GetQualityReportTrend.</summary>
public sealed class DqcScorePoint
{
    public DateTimeOffset Time { get; set; }
    public double? Score { get; set; }
}

/// <summary>A rule's score in a quality report (GetQualityReportRules).</summary>
public sealed class DqcReportRule
{
    public string? RuleName { get; set; }
    /// <summary>The job (rule) ID.</summary>
    public string? RuleId { get; set; }
    public string? InstanceId { get; set; }
    public string? SubRuleInstanceId { get; set; }
    public double? Score { get; set; }
    public int? ScoringWeight { get; set; }
    /// <summary>Custom (0) or System (1).</summary>
    public string? Type { get; set; }
    public string? RuleTypeName { get; set; }
    public string? DimensionName { get; set; }
}

/// <summary>A row of the technical report (GetQualityReportTechnologyScores).</summary>
public sealed class DqcTechnologyScore
{
    public string? DataConnectionId { get; set; }
    public string? DataConnectionName { get; set; }
    public string? DatabaseName { get; set; }
    public string? TableName { get; set; }
    public double? DataConnectionScore { get; set; }
    public double? DatabaseScore { get; set; }
    public double? TableScore { get; set; }
}

/// <summary>A row of the business report (GetQualityReportBusinessScores).</summary>
public sealed class DqcBusinessScore
{
    public string? Id { get; set; }
    public string? L1 { get; set; }
    public string? L2 { get; set; }
    public string? L3 { get; set; }
    public string? TableName { get; set; }
    public double? L1Score { get; set; }
    public double? L2Score { get; set; }
    public double? L3Score { get; set; }
    public double? TableScore { get; set; }
}

/// <summary>An import or export task (GetQualityResourceStatus).</summary>
public sealed class DqcResourceStatus
{
    public string ResourceId { get; set; } = "";
    public string? Id { get; set; }
    /// <summary>RULE_TEMPLATE, QUALITY_TASK, CONSISTENCY_TASK, INSTANCE_RESULT or REPORT.</summary>
    public string? ResourceType { get; set; }
    /// <summary>EXPORT or IMPORT (the docs say REPORT for import; the value is passed through).</summary>
    public string? Action { get; set; }
    public string? FileName { get; set; }
    /// <summary>WAITING, RUNNING, TIMEOUT, FAILED or SUCCESS.</summary>
    public string? Status { get; set; }
    /// <summary>PREPARING, GENERATED, DELETED or FAILED.</summary>
    public string? FileStatus { get; set; }
    public string? ErrorMessage { get; set; }
    public string? StartTime { get; set; }
    public string? EndTime { get; set; }
    public string? UserName { get; set; }
    /// <summary>Import only: what the uploaded file refers to.</summary>
    public IReadOnlyList<string> Directories { get; set; } = Array.Empty<string>();
    public IReadOnlyList<string> Topics { get; set; } = Array.Empty<string>();
    public IReadOnlyList<string> Queues { get; set; } = Array.Empty<string>();
    public IReadOnlyList<string> Connections { get; set; } = Array.Empty<string>();
    public override string ToString() => ResourceId;
}

namespace DataArtsQuality.Models;

/// <summary>The kind of job a rule ID names. The numeric values are what the API sends as <c>rule_type</c>.</summary>
public enum DqcRuleType
{
    /// <summary>A data quality job (API <c>QUALITY_TASK</c>, rule_type 1).</summary>
    Quality = 1,
    /// <summary>A comparison (consistency) job (API <c>CONSISTENCY_TASK</c>, rule_type 2).</summary>
    Comparison = 2,
}

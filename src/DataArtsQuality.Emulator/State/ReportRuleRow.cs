namespace DataArtsQuality.Emulator.State;

/// <summary>A rule of a table in the quality report, with the sub-rule instance that holds its field rows.</summary>
public sealed record ReportRuleRow(string ConnectionId, string Database, string Table, string TableObjectName,
    string RuleName, int Type, double Score, string RuleId, string InstanceId, int Weight, string RuleTypeName,
    string DimensionName, string SubRuleInstanceId);

namespace DataArtsQuality.Client;

/// <summary>A job as the catalog remembers it: enough to complete its ID or name.</summary>
internal sealed record DqcJobName(string Id, string Name, DqcRuleType RuleType);

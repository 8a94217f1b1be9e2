namespace DataArtsQuality.Client.Wire;

internal sealed class ReportRuleWire
{
    [JsonPropertyName("rule_name")] public string? RuleName { get; set; }
    [JsonPropertyName("type")] public int? Type { get; set; }
    [JsonPropertyName("score")] public double? Score { get; set; }
    [JsonPropertyName("rule_id")][JsonConverter(typeof(StringIdConverter))] public string? RuleId { get; set; }
    [JsonPropertyName("instance_id")][JsonConverter(typeof(StringIdConverter))] public string? InstanceId { get; set; }
    [JsonPropertyName("scoring_weight")] public int? ScoringWeight { get; set; }
    [JsonPropertyName("rule_type_name")] public string? RuleTypeName { get; set; }
    [JsonPropertyName("dimension_name")] public string? DimensionName { get; set; }
    [JsonPropertyName("sub_rule_instance_id")][JsonConverter(typeof(StringIdConverter))] public string? SubRuleInstanceId { get; set; }
}

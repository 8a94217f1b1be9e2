namespace DataArtsQuality.Client.Wire;

/// <summary>Body of POST /v2/{project_id}/quality/instances/restart (ReStartTask). The doc types rule_id
/// String.</summary>
internal sealed class RestartRequest
{
    [JsonPropertyName("rule_type")] public int RuleType { get; set; }
    [JsonPropertyName("rule_id")][JsonConverter(typeof(StringIdConverter))] public string? RuleId { get; set; }
}

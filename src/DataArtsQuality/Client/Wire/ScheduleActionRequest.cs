namespace DataArtsQuality.Client.Wire;

/// <summary>Body of POST /quality-tasks/action. rule_id is typed String (the example sends a number).</summary>
internal sealed class ScheduleActionRequest
{
    [JsonPropertyName("action")] public string? Action { get; set; }
    [JsonPropertyName("rule_id")][JsonConverter(typeof(StringIdConverter))] public string? RuleId { get; set; }
}

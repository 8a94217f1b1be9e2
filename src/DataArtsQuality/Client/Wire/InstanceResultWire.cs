namespace DataArtsQuality.Client.Wire;

/// <summary>SubInstanceResult. Here the IDs are typed String; a number is accepted too.</summary>
internal sealed class InstanceResultWire
{
    [JsonPropertyName("sub_rule_id")][JsonConverter(typeof(StringIdConverter))] public string? SubRuleId { get; set; }
    [JsonPropertyName("sub_instance_instance_id")][JsonConverter(typeof(StringIdConverter))] public string? SubInstanceId { get; set; }
    [JsonPropertyName("abnormal_table_status")] public string? AbnormalTableStatus { get; set; }

    /// <summary>Free-form rows (keys depend on the rule template, values documented as strings). The 2022 doc typed it
    /// Object.</summary>
    [JsonPropertyName("results")] public JsonElement Results { get; set; }
}

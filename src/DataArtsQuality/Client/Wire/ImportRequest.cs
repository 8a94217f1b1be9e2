namespace DataArtsQuality.Client.Wire;

internal sealed class ImportRequest
{
    [JsonPropertyName("resource_id")] public string? ResourceId { get; set; }
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("strategy")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Strategy { get; set; }
    [JsonPropertyName("directories")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<ValueMappingWire>? Directories { get; set; }
    [JsonPropertyName("topics")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<ValueMappingWire>? Topics { get; set; }
    [JsonPropertyName("connections")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<ValueMappingWire>? Connections { get; set; }
    [JsonPropertyName("queues")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<ValueMappingWire>? Queues { get; set; }
}

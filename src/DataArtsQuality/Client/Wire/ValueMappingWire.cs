namespace DataArtsQuality.Client.Wire;

internal sealed class ValueMappingWire
{
    [JsonPropertyName("old_value")] public string? OldValue { get; set; }
    [JsonPropertyName("new_value")] public string? NewValue { get; set; }
    [JsonPropertyName("mapping_value")] public string? MappingValue { get; set; }
}

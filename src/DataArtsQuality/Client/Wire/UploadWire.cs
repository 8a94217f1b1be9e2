namespace DataArtsQuality.Client.Wire;

internal sealed class UploadWire
{
    [JsonPropertyName("resource_id")][JsonConverter(typeof(StringIdConverter))] public string? ResourceId { get; set; }
    [JsonPropertyName("topics")] public List<string?>? Topics { get; set; }
    [JsonPropertyName("directories")] public List<string?>? Directories { get; set; }
    [JsonPropertyName("queues")] public List<string?>? Queues { get; set; }
    [JsonPropertyName("connections")] public List<NameTypeWire>? Connections { get; set; }
}

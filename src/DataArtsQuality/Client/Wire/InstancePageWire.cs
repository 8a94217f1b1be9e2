namespace DataArtsQuality.Client.Wire;

/// <summary>200 body of ListInstances.</summary>
internal sealed class InstancePageWire
{
    [JsonPropertyName("count")] public long Count { get; set; }
    [JsonPropertyName("resources")] public List<InstanceWire>? Resources { get; set; }
}

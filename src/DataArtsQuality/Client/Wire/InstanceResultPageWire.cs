namespace DataArtsQuality.Client.Wire;

/// <summary>200 body of ShowInstanceResult.</summary>
internal sealed class InstanceResultPageWire
{
    [JsonPropertyName("count")] public long Count { get; set; }
    [JsonPropertyName("resources")] public List<InstanceResultWire>? Resources { get; set; }
}

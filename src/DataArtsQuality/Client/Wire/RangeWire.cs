namespace DataArtsQuality.Client.Wire;

internal sealed class RangeWire
{
    [JsonPropertyName("count")] public int Count { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
}

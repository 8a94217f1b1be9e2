namespace DataArtsQuality.Client.Wire;

internal sealed class TrendWire
{
    [JsonPropertyName("trends")] public List<TrendPointWire>? Trends { get; set; }
}

namespace DataArtsQuality.Client.Wire;

internal sealed class TechScorePageWire
{
    [JsonPropertyName("count")] public long Count { get; set; }
    [JsonPropertyName("scores")] public List<TechScoreWire>? Scores { get; set; }
}

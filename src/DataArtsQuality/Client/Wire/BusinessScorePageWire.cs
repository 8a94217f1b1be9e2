namespace DataArtsQuality.Client.Wire;

internal sealed class BusinessScorePageWire
{
    [JsonPropertyName("count")] public long Count { get; set; }
    [JsonPropertyName("scores")] public List<BusinessScoreWire>? Scores { get; set; }
}

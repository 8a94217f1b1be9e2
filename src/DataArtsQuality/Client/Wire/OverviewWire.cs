namespace DataArtsQuality.Client.Wire;

internal sealed class OverviewWire
{
    [JsonPropertyName("score")] public double? Score { get; set; }
    [JsonPropertyName("ranges")] public List<RangeWire>? Ranges { get; set; }
}

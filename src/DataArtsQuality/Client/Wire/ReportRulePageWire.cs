namespace DataArtsQuality.Client.Wire;

internal sealed class ReportRulePageWire
{
    [JsonPropertyName("count")] public long Count { get; set; }
    [JsonPropertyName("rules")] public List<ReportRuleWire>? Rules { get; set; }
}

namespace DataArtsQuality.Client.Wire;

internal sealed class SubRuleResultPageWire
{
    [JsonPropertyName("count")] public long Count { get; set; }
    [JsonPropertyName("header")] public List<string?>? Header { get; set; }
    [JsonPropertyName("rows")] public List<List<string?>?>? Rows { get; set; }
}

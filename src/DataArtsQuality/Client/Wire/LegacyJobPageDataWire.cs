namespace DataArtsQuality.Client.Wire;

internal sealed class LegacyJobPageDataWire
{
    [JsonPropertyName("num")] public long Num { get; set; }
    [JsonPropertyName("page_search_result")] public List<LegacyJobWire>? Items { get; set; }
}

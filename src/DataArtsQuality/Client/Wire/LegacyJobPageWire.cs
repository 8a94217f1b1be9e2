namespace DataArtsQuality.Client.Wire;

/// <summary>v1 ListQualityTaskLists: {error_code, error_msg, data: {num, page_search_result}}.</summary>
internal sealed class LegacyJobPageWire
{
    [JsonPropertyName("error_code")] public string? ErrorCode { get; set; }
    [JsonPropertyName("error_msg")] public string? ErrorMsg { get; set; }
    [JsonPropertyName("data")] public LegacyJobPageDataWire? Data { get; set; }
}

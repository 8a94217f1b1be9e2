namespace DataArtsQuality.Client.Wire;

internal sealed class ExportRequest
{
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("is_select_all")] public bool IsSelectAll { get; set; }
    [JsonPropertyName("resources")][JsonConverter(typeof(LongIdListConverter))] public List<string>? Resources { get; set; }
    [JsonPropertyName("export_mode")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? ExportMode { get; set; }
    [JsonPropertyName("obs_service_type")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? ObsServiceType { get; set; }
}

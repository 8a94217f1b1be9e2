namespace DataArtsQuality.Client.Wire;

internal sealed class ResourceStatusWire
{
    [JsonPropertyName("id")][JsonConverter(typeof(StringIdConverter))] public string? Id { get; set; }
    [JsonPropertyName("resource_id")][JsonConverter(typeof(StringIdConverter))] public string? ResourceId { get; set; }
    [JsonPropertyName("resource_type")] public string? ResourceType { get; set; }
    [JsonPropertyName("action")] public string? Action { get; set; }
    [JsonPropertyName("file_name")] public string? FileName { get; set; }
    [JsonPropertyName("start_time")][JsonConverter(typeof(StringIdConverter))] public string? StartTime { get; set; }
    [JsonPropertyName("end_time")][JsonConverter(typeof(StringIdConverter))] public string? EndTime { get; set; }
    [JsonPropertyName("status")] public string? Status { get; set; }
    [JsonPropertyName("error_msg")] public string? ErrorMsg { get; set; }
    [JsonPropertyName("user_name")] public string? UserName { get; set; }
    [JsonPropertyName("file_status")] public string? FileStatus { get; set; }
}

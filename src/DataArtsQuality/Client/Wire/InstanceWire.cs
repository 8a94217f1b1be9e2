namespace DataArtsQuality.Client.Wire;

/// <summary>InstanceOverviewVo.</summary>
internal sealed class InstanceWire
{
    [JsonPropertyName("id")][JsonConverter(typeof(LongIdConverter))] public string? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("task_id")][JsonConverter(typeof(LongIdConverter))] public string? TaskId { get; set; }
    [JsonPropertyName("task_type")] public string? TaskType { get; set; }
    [JsonPropertyName("run_status")] public string? RunStatus { get; set; }
    [JsonPropertyName("notify_status")] public string? NotifyStatus { get; set; }
    [JsonPropertyName("start_time")] public long? StartTime { get; set; }
    [JsonPropertyName("end_time")] public long? EndTime { get; set; }
}

namespace DataArtsQuality.Client.Wire;

/// <summary>
/// A job in a list, and the base of a job's detail. IDs are typed Long and arrive as JSON numbers above 2^53, so
/// they are read as exact text. Times are 13-digit ms epochs.
/// </summary>
internal class JobWire
{
    [JsonPropertyName("id")][JsonConverter(typeof(LongIdConverter))] public string? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("category_id")][JsonConverter(typeof(LongIdConverter))] public string? CategoryId { get; set; }
    [JsonPropertyName("schedule_status")] public string? ScheduleStatus { get; set; }
    [JsonPropertyName("schedule_period")] public string? SchedulePeriod { get; set; }
    [JsonPropertyName("schedule_interval")] public string? ScheduleInterval { get; set; }
    [JsonPropertyName("create_time")] public long? CreateTime { get; set; }
    [JsonPropertyName("last_run_time")] public long? LastRunTime { get; set; }
    [JsonPropertyName("creator")] public string? Creator { get; set; }
}

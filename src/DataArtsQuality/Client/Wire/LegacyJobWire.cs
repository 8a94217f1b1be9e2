namespace DataArtsQuality.Client.Wire;

internal sealed class LegacyJobWire
{
    [JsonPropertyName("id")][JsonConverter(typeof(StringIdConverter))] public string? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("creator")] public string? Creator { get; set; }
    [JsonPropertyName("create_offset_time")] public string? CreateOffsetTime { get; set; }
    [JsonPropertyName("modify_offset_time")] public string? ModifyOffsetTime { get; set; }
    [JsonPropertyName("calc_offset_time")] public string? CalcOffsetTime { get; set; }
    [JsonPropertyName("dw_name")] public string? DwName { get; set; }
    [JsonPropertyName("db_name")] public string? DbName { get; set; }
    [JsonPropertyName("schedule_status")] public int? ScheduleStatus { get; set; }
}

namespace DataArtsQuality.Client.Wire;

/// <summary>
/// 200 body of ShowQualityTaskDetail and ShowConsistencyTaskDetail. The comparison detail lacks the schedule
/// dates and cron; those stay null. <c>sub_rules</c> is a flat array in the docs and in both SDKs' quality
/// detail (list[QualityTaskRuleDetailForOpenApi]); only the SDKs' comparison detail types it as an array of
/// arrays (list[list[ConsistencyRuleDetailForOpenApi]]). <see cref="SubRuleListConverter"/> reads either shape
/// for both kinds.
/// </summary>
internal sealed class JobDetailWire : JobWire
{
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("level")] public string? Level { get; set; }
    [JsonPropertyName("alarm_condition")] public string? AlarmCondition { get; set; }
    [JsonPropertyName("alarm_notify")] public bool? AlarmNotify { get; set; }
    [JsonPropertyName("alarm_notify_type")] public string? AlarmNotifyType { get; set; }
    [JsonPropertyName("alarm_notify_topic")] public string? AlarmNotifyTopic { get; set; }
    [JsonPropertyName("schedule_type")] public string? ScheduleType { get; set; }
    [JsonPropertyName("schedule_start_date")] public string? ScheduleStartDate { get; set; }
    [JsonPropertyName("schedule_end_date")] public string? ScheduleEndDate { get; set; }
    [JsonPropertyName("schedule_start_time")] public string? ScheduleStartTime { get; set; }
    [JsonPropertyName("schedule_end_time")] public string? ScheduleEndTime { get; set; }
    [JsonPropertyName("schedule_cron")] public string? ScheduleCron { get; set; }
    [JsonPropertyName("sub_rules")][JsonConverter(typeof(SubRuleListConverter))] public List<SubRuleWire>? SubRules { get; set; }
}

using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using DataArtsQuality.Client.Json;

namespace DataArtsQuality.Client.Wire
{
    /// <summary>
    /// 200 body of ListQualityTask and ListConsistencyTask: <c>count</c> (the filtered total) and one page of
    /// <c>resources</c> (QualityTaskOverviewVO / QualityTaskOverviewVO2, same fields).
    /// </summary>
    internal sealed class JobPageWire
    {
        [JsonPropertyName("count")]
        public long Count { get; set; }

        [JsonPropertyName("resources")]
        public List<JobWire>? Resources { get; set; }
    }

    /// <summary>
    /// A job in a list, and the base of a job's detail. IDs are typed Long and arrive as JSON numbers above 2^53, so
    /// they are read as exact text. Times are 13-digit ms epochs.
    /// </summary>
    internal class JobWire
    {
        [JsonPropertyName("id")]
        [JsonConverter(typeof(LongIdConverter))]
        public string? Id { get; set; }

        [JsonPropertyName("name")]
        public string? Name { get; set; }

        [JsonPropertyName("category_id")]
        [JsonConverter(typeof(LongIdConverter))]
        public string? CategoryId { get; set; }

        [JsonPropertyName("schedule_status")]
        public string? ScheduleStatus { get; set; }

        [JsonPropertyName("schedule_period")]
        public string? SchedulePeriod { get; set; }

        [JsonPropertyName("schedule_interval")]
        public string? ScheduleInterval { get; set; }

        [JsonPropertyName("create_time")]
        public long? CreateTime { get; set; }

        [JsonPropertyName("last_run_time")]
        public long? LastRunTime { get; set; }

        [JsonPropertyName("creator")]
        public string? Creator { get; set; }
    }

    /// <summary>
    /// 200 body of ShowQualityTaskDetail and ShowConsistencyTaskDetail. The comparison detail lacks the schedule
    /// dates and cron; those stay null. <c>sub_rules</c> is a flat array in the docs and in both SDKs' quality
    /// detail (list[QualityTaskRuleDetailForOpenApi]); only the SDKs' comparison detail types it as an array of
    /// arrays (list[list[ConsistencyRuleDetailForOpenApi]]). <see cref="SubRuleListConverter"/> reads either shape
    /// for both kinds.
    /// </summary>
    internal sealed class JobDetailWire : JobWire
    {
        [JsonPropertyName("description")]
        public string? Description { get; set; }

        [JsonPropertyName("level")]
        public string? Level { get; set; }

        [JsonPropertyName("alarm_condition")]
        public string? AlarmCondition { get; set; }

        [JsonPropertyName("alarm_notify")]
        public bool? AlarmNotify { get; set; }

        [JsonPropertyName("alarm_notify_type")]
        public string? AlarmNotifyType { get; set; }

        [JsonPropertyName("alarm_notify_topic")]
        public string? AlarmNotifyTopic { get; set; }

        [JsonPropertyName("schedule_type")]
        public string? ScheduleType { get; set; }

        [JsonPropertyName("schedule_start_date")]
        public string? ScheduleStartDate { get; set; }

        [JsonPropertyName("schedule_end_date")]
        public string? ScheduleEndDate { get; set; }

        [JsonPropertyName("schedule_start_time")]
        public string? ScheduleStartTime { get; set; }

        [JsonPropertyName("schedule_end_time")]
        public string? ScheduleEndTime { get; set; }

        [JsonPropertyName("schedule_cron")]
        public string? ScheduleCron { get; set; }

        [JsonPropertyName("sub_rules")]
        [JsonConverter(typeof(SubRuleListConverter))]
        public List<SubRuleWire>? SubRules { get; set; }
    }

    /// <summary>
    /// QualityTaskRuleDetailForOpenApi (36 fields) and ConsistencyRuleDetailForOpenApi (20, all also in the quality
    /// model): every field of both. ignore_error and the abnormal-table and score fields are quality-only; on a comparison
    /// sub-rule they stay null.
    /// </summary>
    internal sealed class SubRuleWire
    {
        [JsonPropertyName("id")]
        [JsonConverter(typeof(LongIdConverter))]
        public string? Id { get; set; }

        [JsonPropertyName("sub_rule_name")]
        public string? SubRuleName { get; set; }

        [JsonPropertyName("type")]
        public string? Type { get; set; }

        [JsonPropertyName("template_id")]
        [JsonConverter(typeof(LongIdConverter))]
        public string? TemplateId { get; set; }

        [JsonPropertyName("connection")]
        public string? Connection { get; set; }

        [JsonPropertyName("connection_type")]
        public string? ConnectionType { get; set; }

        [JsonPropertyName("databases")]
        public string? Databases { get; set; }

        [JsonPropertyName("tables")]
        public string? Tables { get; set; }

        [JsonPropertyName("columns")]
        public string? Columns { get; set; }

        [JsonPropertyName("reference_tables")]
        public string? ReferenceTables { get; set; }

        [JsonPropertyName("reference_columns")]
        public string? ReferenceColumns { get; set; }

        [JsonPropertyName("sql")]
        public string? Sql { get; set; }

        [JsonPropertyName("dimension")]
        public string? Dimension { get; set; }

        [JsonPropertyName("queue")]
        public string? Queue { get; set; }

        [JsonPropertyName("weight")]
        public int? Weight { get; set; }

        [JsonPropertyName("alarm_condition")]
        public string? AlarmCondition { get; set; }

        [JsonPropertyName("ignore_error")]
        public bool? IgnoreError { get; set; }

        [JsonPropertyName("regular_expression")]
        public string? RegularExpression { get; set; }

        [JsonPropertyName("template_arguments")]
        public string? TemplateArguments { get; set; }

        [JsonPropertyName("calculation_range")]
        public string? CalculationRange { get; set; }

        [JsonPropertyName("calculation_range_sql")]
        public string? CalculationRangeSql { get; set; }

        [JsonPropertyName("export_abnormal_table")]
        public bool? ExportAbnormalTable { get; set; }

        [JsonPropertyName("abnormal_table_database")]
        public string? AbnormalTableDatabase { get; set; }

        [JsonPropertyName("abnormal_table_schema")]
        public string? AbnormalTableSchema { get; set; }

        [JsonPropertyName("abnormal_table")]
        public string? AbnormalTable { get; set; }

        [JsonPropertyName("abnormal_table_prefix")]
        public string? AbnormalTablePrefix { get; set; }

        [JsonPropertyName("abnormal_table_suffix")]
        public string? AbnormalTableSuffix { get; set; }

        [JsonPropertyName("abnormal_table_columns")]
        public string? AbnormalTableColumns { get; set; }

        [JsonPropertyName("abnormal_table_sql")]
        public string? AbnormalTableSql { get; set; }

        [JsonPropertyName("abnormal_table_out_config")]
        public bool? AbnormalTableOutConfig { get; set; }

        [JsonPropertyName("abnormal_table_include_null_value")]
        public bool? AbnormalTableIncludeNullValue { get; set; }

        /// <summary>Rows written to the abnormal table; 0 = all.</summary>
        [JsonPropertyName("abnormal_table_out_data_number")]
        public long? AbnormalTableOutDataNumber { get; set; }

        [JsonPropertyName("score_switch")]
        public bool? ScoreSwitch { get; set; }

        [JsonPropertyName("score_schema")]
        public string? ScoreSchema { get; set; }

        [JsonPropertyName("score_table")]
        public string? ScoreTable { get; set; }

        [JsonPropertyName("score_expression")]
        public string? ScoreExpression { get; set; }

        /// <summary>For sub_rules sent as an array of arrays: which inner array (0-based). Not on the wire.</summary>
        [JsonIgnore]
        public int? Group { get; set; }
    }

    /// <summary>200 body of ListInstances.</summary>
    internal sealed class InstancePageWire
    {
        [JsonPropertyName("count")]
        public long Count { get; set; }

        [JsonPropertyName("resources")]
        public List<InstanceWire>? Resources { get; set; }
    }

    /// <summary>InstanceOverviewVo.</summary>
    internal sealed class InstanceWire
    {
        [JsonPropertyName("id")]
        [JsonConverter(typeof(LongIdConverter))]
        public string? Id { get; set; }

        [JsonPropertyName("name")]
        public string? Name { get; set; }

        [JsonPropertyName("task_id")]
        [JsonConverter(typeof(LongIdConverter))]
        public string? TaskId { get; set; }

        [JsonPropertyName("task_type")]
        public string? TaskType { get; set; }

        [JsonPropertyName("run_status")]
        public string? RunStatus { get; set; }

        [JsonPropertyName("notify_status")]
        public string? NotifyStatus { get; set; }

        [JsonPropertyName("start_time")]
        public long? StartTime { get; set; }

        [JsonPropertyName("end_time")]
        public long? EndTime { get; set; }
    }

    /// <summary>200 body of ShowInstanceResult.</summary>
    internal sealed class InstanceResultPageWire
    {
        [JsonPropertyName("count")]
        public long Count { get; set; }

        [JsonPropertyName("resources")]
        public List<InstanceResultWire>? Resources { get; set; }
    }

    /// <summary>SubInstanceResult. Here the IDs are typed String; a number is accepted too.</summary>
    internal sealed class InstanceResultWire
    {
        [JsonPropertyName("sub_rule_id")]
        [JsonConverter(typeof(StringIdConverter))]
        public string? SubRuleId { get; set; }

        [JsonPropertyName("sub_instance_instance_id")]
        [JsonConverter(typeof(StringIdConverter))]
        public string? SubInstanceId { get; set; }

        [JsonPropertyName("abnormal_table_status")]
        public string? AbnormalTableStatus { get; set; }

        /// <summary>Free-form rows (keys depend on the rule template, values documented as strings). The 2022 doc typed it Object.</summary>
        [JsonPropertyName("results")]
        public JsonElement Results { get; set; }
    }
}

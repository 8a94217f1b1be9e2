using System.Collections.Generic;
using System.Text.Json.Serialization;
using DataArtsQuality.Client.Json;

namespace DataArtsQuality.Client.Wire
{
    /// <summary>RuleTemplateDetailVO (list, detail, create and update answers). ID is Long, but the create/update
    /// examples return it as a string and the detail page types it Integer (§4.3 #3): read both.</summary>
    internal sealed class TemplateWire
    {
        [JsonPropertyName("id")][JsonConverter(typeof(LongIdConverter))] public string? Id { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("category_id")][JsonConverter(typeof(LongIdConverter))] public string? CategoryId { get; set; }
        [JsonPropertyName("dimension")] public string? Dimension { get; set; }
        [JsonPropertyName("type")] public string? Type { get; set; }
        [JsonPropertyName("system_template")] public bool? SystemTemplate { get; set; }
        [JsonPropertyName("sql_info")] public string? SqlInfo { get; set; }
        [JsonPropertyName("abnormal_table_template")] public string? AbnormalTableTemplate { get; set; }
        [JsonPropertyName("result_description")] public string? ResultDescription { get; set; }
        [JsonPropertyName("create_time")] public long? CreateTime { get; set; }
        [JsonPropertyName("creator")] public string? Creator { get; set; }
    }

    internal sealed class TemplatePageWire
    {
        [JsonPropertyName("count")] public long Count { get; set; }
        [JsonPropertyName("resources")] public List<TemplateWire>? Resources { get; set; }
    }

    /// <summary>TemplateRO, the body of CreateTemplate and UpdateTemplate. Every field is sent (nulls too), as in
    /// the documented examples. id is typed String, directory_id Long.</summary>
    internal sealed class TemplateRequest
    {
        [JsonPropertyName("id")][JsonConverter(typeof(StringIdConverter))] public string? Id { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("directory_id")][JsonConverter(typeof(LongIdConverter))] public string? DirectoryId { get; set; }
        [JsonPropertyName("dimension_id")] public int? DimensionId { get; set; }
        [JsonPropertyName("description")] public string? Description { get; set; }
        [JsonPropertyName("sql_info")] public string? SqlInfo { get; set; }
        [JsonPropertyName("result_description")] public string? ResultDescription { get; set; }
        [JsonPropertyName("publish")] public bool? Publish { get; set; }
        [JsonPropertyName("origin_name")] public string? OriginName { get; set; }
        [JsonPropertyName("abnormal_table_template")] public string? AbnormalTableTemplate { get; set; }
        [JsonPropertyName("user_define_version_name")] public string? UserDefineVersionName { get; set; }
        [JsonPropertyName("version_num")] public long? VersionNum { get; set; }
        [JsonPropertyName("status")] public int? Status { get; set; }
    }

    /// <summary>Body of POST /quality-tasks/action. rule_id is typed String (the example sends a number).</summary>
    internal sealed class ScheduleActionRequest
    {
        [JsonPropertyName("action")] public string? Action { get; set; }
        [JsonPropertyName("rule_id")][JsonConverter(typeof(StringIdConverter))] public string? RuleId { get; set; }
    }

    internal sealed class MessageWire
    {
        [JsonPropertyName("message")] public string? Message { get; set; }
    }

    /// <summary>Body of PUT /instances/{id}. cancel_run has the documented inverted polarity: false = cancel.</summary>
    internal sealed class InstanceRecordRequest
    {
        [JsonPropertyName("detail")] public string? Detail { get; set; }
        [JsonPropertyName("operator")] public string? Operator { get; set; }
        [JsonPropertyName("open")] public bool Open { get; set; }
        [JsonPropertyName("cancel_run")] public bool CancelRunWire { get; set; }
    }

    internal sealed class DataStringWire
    {
        [JsonPropertyName("data")] public System.Text.Json.JsonElement? Data { get; set; }
    }

    /// <summary>v1 ListQualityTaskLists: {error_code, error_msg, data: {num, page_search_result}}.</summary>
    internal sealed class LegacyListWire
    {
        [JsonPropertyName("error_code")] public string? ErrorCode { get; set; }
        [JsonPropertyName("error_msg")] public string? ErrorMsg { get; set; }
        [JsonPropertyName("data")] public LegacyDataWire? Data { get; set; }
    }

    internal sealed class LegacyDataWire
    {
        [JsonPropertyName("num")] public long Num { get; set; }
        [JsonPropertyName("page_search_result")] public List<LegacyJobWire>? Items { get; set; }
    }

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

    // Quality reports (§2.7)
    internal sealed class FullScoreWire
    {
        [JsonPropertyName("full_score")] public int? FullScore { get; set; }
    }

    internal sealed class OverviewWire
    {
        [JsonPropertyName("score")] public double? Score { get; set; }
        [JsonPropertyName("ranges")] public List<RangeWire>? Ranges { get; set; }
    }

    internal sealed class RangeWire
    {
        [JsonPropertyName("count")] public int Count { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
    }

    internal sealed class TrendWire
    {
        [JsonPropertyName("trends")] public List<TrendPointWire>? Trends { get; set; }
    }

    /// <summary>ScoreTrendVO: timestamp is a ms epoch as a JSON string; a number is accepted too.</summary>
    internal sealed class TrendPointWire
    {
        [JsonPropertyName("score")] public double? Score { get; set; }
        [JsonPropertyName("timestamp")][JsonConverter(typeof(StringIdConverter))] public string? Timestamp { get; set; }
    }

    internal sealed class ReportRulePageWire
    {
        [JsonPropertyName("count")] public long Count { get; set; }
        [JsonPropertyName("rules")] public List<ReportRuleWire>? Rules { get; set; }
    }

    internal sealed class ReportRuleWire
    {
        [JsonPropertyName("rule_name")] public string? RuleName { get; set; }
        [JsonPropertyName("type")] public int? Type { get; set; }
        [JsonPropertyName("score")] public double? Score { get; set; }
        [JsonPropertyName("rule_id")][JsonConverter(typeof(StringIdConverter))] public string? RuleId { get; set; }
        [JsonPropertyName("instance_id")][JsonConverter(typeof(StringIdConverter))] public string? InstanceId { get; set; }
        [JsonPropertyName("scoring_weight")] public int? ScoringWeight { get; set; }
        [JsonPropertyName("rule_type_name")] public string? RuleTypeName { get; set; }
        [JsonPropertyName("dimension_name")] public string? DimensionName { get; set; }
        [JsonPropertyName("sub_rule_instance_id")][JsonConverter(typeof(StringIdConverter))] public string? SubRuleInstanceId { get; set; }
    }

    internal sealed class SubRuleResultPageWire
    {
        [JsonPropertyName("count")] public long Count { get; set; }
        [JsonPropertyName("header")] public List<string?>? Header { get; set; }
        [JsonPropertyName("rows")] public List<List<string?>?>? Rows { get; set; }
    }

    internal sealed class TechScorePageWire
    {
        [JsonPropertyName("count")] public long Count { get; set; }
        [JsonPropertyName("scores")] public List<TechScoreWire>? Scores { get; set; }
    }

    internal sealed class TechScoreWire
    {
        [JsonPropertyName("data_connection_id")] public string? DataConnectionId { get; set; }
        [JsonPropertyName("data_connection_name")] public string? DataConnectionName { get; set; }
        [JsonPropertyName("database_name")] public string? DatabaseName { get; set; }
        [JsonPropertyName("table_name")] public string? TableName { get; set; }
        [JsonPropertyName("data_connection_score")] public double? DataConnectionScore { get; set; }
        [JsonPropertyName("database_score")] public double? DatabaseScore { get; set; }
        [JsonPropertyName("table_score")] public double? TableScore { get; set; }
    }

    internal sealed class BusinessScorePageWire
    {
        [JsonPropertyName("count")] public long Count { get; set; }
        [JsonPropertyName("scores")] public List<BusinessScoreWire>? Scores { get; set; }
    }

    internal sealed class BusinessScoreWire
    {
        [JsonPropertyName("id")][JsonConverter(typeof(StringIdConverter))] public string? Id { get; set; }
        [JsonPropertyName("l1")] public string? L1 { get; set; }
        [JsonPropertyName("l2")] public string? L2 { get; set; }
        [JsonPropertyName("l3")] public string? L3 { get; set; }
        [JsonPropertyName("table_name")] public string? TableName { get; set; }
        [JsonPropertyName("l1_score")] public double? L1Score { get; set; }
        [JsonPropertyName("l2_score")] public double? L2Score { get; set; }
        [JsonPropertyName("l3_score")] public double? L3Score { get; set; }
        [JsonPropertyName("table_score")] public double? TableScore { get; set; }
    }

    // Import/export (§2.8)
    internal sealed class ExportRequest
    {
        [JsonPropertyName("type")] public string? Type { get; set; }
        [JsonPropertyName("is_select_all")] public bool IsSelectAll { get; set; }
        [JsonPropertyName("resources")][JsonConverter(typeof(LongIdListConverter))] public List<string>? Resources { get; set; }
        [JsonPropertyName("export_mode")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? ExportMode { get; set; }
        [JsonPropertyName("obs_service_type")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? ObsServiceType { get; set; }
    }

    internal sealed class ResourceIdWire
    {
        [JsonPropertyName("resource_id")][JsonConverter(typeof(StringIdConverter))] public string? ResourceId { get; set; }
    }

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

    internal sealed class UploadWire
    {
        [JsonPropertyName("resource_id")][JsonConverter(typeof(StringIdConverter))] public string? ResourceId { get; set; }
        [JsonPropertyName("topics")] public List<string?>? Topics { get; set; }
        [JsonPropertyName("directories")] public List<string?>? Directories { get; set; }
        [JsonPropertyName("queues")] public List<string?>? Queues { get; set; }
        [JsonPropertyName("connections")] public List<NameTypeWire>? Connections { get; set; }
    }

    internal sealed class NameTypeWire
    {
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("type")] public string? Type { get; set; }
    }

    internal sealed class ImportRequest
    {
        [JsonPropertyName("resource_id")] public string? ResourceId { get; set; }
        [JsonPropertyName("type")] public string? Type { get; set; }
        [JsonPropertyName("strategy")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Strategy { get; set; }
        [JsonPropertyName("directories")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<ValueMappingWire>? Directories { get; set; }
        [JsonPropertyName("topics")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<ValueMappingWire>? Topics { get; set; }
        [JsonPropertyName("connections")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<ValueMappingWire>? Connections { get; set; }
        [JsonPropertyName("queues")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<ValueMappingWire>? Queues { get; set; }
    }

    internal sealed class ValueMappingWire
    {
        [JsonPropertyName("old_value")] public string? OldValue { get; set; }
        [JsonPropertyName("new_value")] public string? NewValue { get; set; }
        [JsonPropertyName("mapping_value")] public string? MappingValue { get; set; }
    }
}

namespace DataArtsQuality.Client.Wire;

/// <summary>
/// QualityTaskRuleDetailForOpenApi (36 fields) and ConsistencyRuleDetailForOpenApi (20, all also in the quality
/// model): every field of both. ignore_error and the abnormal-table and score fields are quality-only; on a comparison
/// sub-rule they stay null.
/// </summary>
internal sealed class SubRuleWire
{
    [JsonPropertyName("id")][JsonConverter(typeof(LongIdConverter))] public string? Id { get; set; }
    [JsonPropertyName("sub_rule_name")] public string? SubRuleName { get; set; }
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("template_id")][JsonConverter(typeof(LongIdConverter))] public string? TemplateId { get; set; }
    [JsonPropertyName("connection")] public string? Connection { get; set; }
    [JsonPropertyName("connection_type")] public string? ConnectionType { get; set; }
    [JsonPropertyName("databases")] public string? Databases { get; set; }
    [JsonPropertyName("tables")] public string? Tables { get; set; }
    [JsonPropertyName("columns")] public string? Columns { get; set; }
    [JsonPropertyName("reference_tables")] public string? ReferenceTables { get; set; }
    [JsonPropertyName("reference_columns")] public string? ReferenceColumns { get; set; }
    [JsonPropertyName("sql")] public string? Sql { get; set; }
    [JsonPropertyName("dimension")] public string? Dimension { get; set; }
    [JsonPropertyName("queue")] public string? Queue { get; set; }
    [JsonPropertyName("weight")] public int? Weight { get; set; }
    [JsonPropertyName("alarm_condition")] public string? AlarmCondition { get; set; }
    [JsonPropertyName("ignore_error")] public bool? IgnoreError { get; set; }
    [JsonPropertyName("regular_expression")] public string? RegularExpression { get; set; }
    [JsonPropertyName("template_arguments")] public string? TemplateArguments { get; set; }
    [JsonPropertyName("calculation_range")] public string? CalculationRange { get; set; }
    [JsonPropertyName("calculation_range_sql")] public string? CalculationRangeSql { get; set; }
    [JsonPropertyName("export_abnormal_table")] public bool? ExportAbnormalTable { get; set; }
    [JsonPropertyName("abnormal_table_database")] public string? AbnormalTableDatabase { get; set; }
    [JsonPropertyName("abnormal_table_schema")] public string? AbnormalTableSchema { get; set; }
    [JsonPropertyName("abnormal_table")] public string? AbnormalTable { get; set; }
    [JsonPropertyName("abnormal_table_prefix")] public string? AbnormalTablePrefix { get; set; }
    [JsonPropertyName("abnormal_table_suffix")] public string? AbnormalTableSuffix { get; set; }
    [JsonPropertyName("abnormal_table_columns")] public string? AbnormalTableColumns { get; set; }
    [JsonPropertyName("abnormal_table_sql")] public string? AbnormalTableSql { get; set; }
    [JsonPropertyName("abnormal_table_out_config")] public bool? AbnormalTableOutConfig { get; set; }
    [JsonPropertyName("abnormal_table_include_null_value")] public bool? AbnormalTableIncludeNullValue { get; set; }

    /// <summary>Rows written to the abnormal table; 0 = all.</summary>
    [JsonPropertyName("abnormal_table_out_data_number")] public long? AbnormalTableOutDataNumber { get; set; }
    [JsonPropertyName("score_switch")] public bool? ScoreSwitch { get; set; }
    [JsonPropertyName("score_schema")] public string? ScoreSchema { get; set; }
    [JsonPropertyName("score_table")] public string? ScoreTable { get; set; }
    [JsonPropertyName("score_expression")] public string? ScoreExpression { get; set; }

    /// <summary>For sub_rules sent as an array of arrays: which inner array (0-based). Not on the wire.</summary>
    [JsonIgnore]
    public int? Group { get; set; }
}

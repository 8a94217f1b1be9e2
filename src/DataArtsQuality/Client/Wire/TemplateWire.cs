namespace DataArtsQuality.Client.Wire;

/// <summary>
/// RuleTemplateDetailVO (list, detail, create and update answers). ID is Long, but the create/update examples
/// return it as a string and the detail page types it Integer (docs/service-notes.md, IDs): read both.
/// </summary>
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

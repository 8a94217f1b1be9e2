namespace DataArtsQuality.Client.Wire;

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

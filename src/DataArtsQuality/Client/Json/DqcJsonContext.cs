namespace DataArtsQuality.Client.Json;

/// <summary>
/// Source-generated serialisation of every DQC and Management Center wire type (IAM's have
/// <see cref="Iam.IamJsonContext"/>): no reflection at run time, so nothing slow at import and nothing that
/// trimming or Windows PowerShell's older runtime could break. Numbers in strings are read, as the service mixes both.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(RestartRequest))]
[JsonSerializable(typeof(RestartResponse))]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(JobPageWire))]
[JsonSerializable(typeof(JobDetailWire))]
[JsonSerializable(typeof(SubRuleWire))]
[JsonSerializable(typeof(InstancePageWire))]
[JsonSerializable(typeof(InstanceResultPageWire))]
[JsonSerializable(typeof(TemplateWire))]
[JsonSerializable(typeof(TemplatePageWire))]
[JsonSerializable(typeof(TemplateRequest))]
[JsonSerializable(typeof(ScheduleActionRequest))]
[JsonSerializable(typeof(MessageWire))]
[JsonSerializable(typeof(InstanceRecordRequest))]
[JsonSerializable(typeof(DataStringWire))]
[JsonSerializable(typeof(LegacyJobPageWire))]
[JsonSerializable(typeof(FullScoreWire))]
[JsonSerializable(typeof(OverviewWire))]
[JsonSerializable(typeof(TrendWire))]
[JsonSerializable(typeof(ReportRulePageWire))]
[JsonSerializable(typeof(SubRuleResultPageWire))]
[JsonSerializable(typeof(TechScorePageWire))]
[JsonSerializable(typeof(BusinessScorePageWire))]
[JsonSerializable(typeof(ExportRequest))]
[JsonSerializable(typeof(ResourceIdWire))]
[JsonSerializable(typeof(ResourceStatusWire))]
[JsonSerializable(typeof(UploadWire))]
[JsonSerializable(typeof(ImportRequest))]
[JsonSerializable(typeof(WorkspaceListResponse))]
internal sealed partial class DqcJsonContext : JsonSerializerContext
{
}

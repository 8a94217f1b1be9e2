namespace DataArtsQuality.Client.Wire;

/// <summary>
/// 200 body of ListQualityTask and ListConsistencyTask: <c>count</c> (the filtered total) and one page of
/// <c>resources</c> (QualityTaskOverviewVO / QualityTaskOverviewVO2, same fields).
/// </summary>
internal sealed class JobPageWire
{
    [JsonPropertyName("count")] public long Count { get; set; }
    [JsonPropertyName("resources")] public List<JobWire>? Resources { get; set; }
}

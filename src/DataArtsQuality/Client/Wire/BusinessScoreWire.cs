namespace DataArtsQuality.Client.Wire;

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

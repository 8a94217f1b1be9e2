namespace DataArtsQuality.Client.Wire;

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

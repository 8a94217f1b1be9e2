namespace DataArtsQuality.Client.Wire;

/// <summary>ScoreTrendVO: timestamp is a ms epoch as a JSON string; a number is accepted too.</summary>
internal sealed class TrendPointWire
{
    [JsonPropertyName("score")] public double? Score { get; set; }
    [JsonPropertyName("timestamp")][JsonConverter(typeof(StringIdConverter))] public string? Timestamp { get; set; }
}

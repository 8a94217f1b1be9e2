namespace DataArtsQuality.Client.Wire;

internal sealed class FullScoreWire
{
    [JsonPropertyName("full_score")] public int? FullScore { get; set; }
}

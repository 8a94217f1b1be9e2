namespace DataArtsQuality.Client.Wire;

internal sealed class MessageWire
{
    [JsonPropertyName("message")] public string? Message { get; set; }
}

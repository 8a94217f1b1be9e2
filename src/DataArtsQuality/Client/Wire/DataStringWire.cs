namespace DataArtsQuality.Client.Wire;

internal sealed class DataStringWire
{
    [JsonPropertyName("data")] public System.Text.Json.JsonElement? Data { get; set; }
}

namespace DataArtsQuality.Client.Wire;

internal sealed class NameTypeWire
{
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("type")] public string? Type { get; set; }
}

namespace DataArtsQuality.Client.Iam;

internal sealed class KeystoneError
{
    [JsonPropertyName("code")] public JsonElement Code { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }
    [JsonPropertyName("title")] public string? Title { get; set; }
}

namespace DataArtsQuality.Client.Wire;

internal sealed class ResourceIdWire
{
    [JsonPropertyName("resource_id")][JsonConverter(typeof(StringIdConverter))] public string? ResourceId { get; set; }
}

namespace DataArtsQuality.Client.Wire;

internal sealed class TemplatePageWire
{
    [JsonPropertyName("count")] public long Count { get; set; }
    [JsonPropertyName("resources")] public List<TemplateWire>? Resources { get; set; }
}

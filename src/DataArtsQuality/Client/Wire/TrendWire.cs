using System.Text.Json.Serialization;

namespace DataArtsQuality.Client.Wire
{
    internal sealed class TrendWire
    {
        [JsonPropertyName("trends")] public List<TrendPointWire>? Trends { get; set; }
    }
}

using System.Collections.Generic;
using System.Text.Json.Serialization;
using DataArtsQuality.Client.Json;

namespace DataArtsQuality.Client.Wire
{
    internal sealed class TrendWire
    {
        [JsonPropertyName("trends")] public List<TrendPointWire>? Trends { get; set; }
    }
}

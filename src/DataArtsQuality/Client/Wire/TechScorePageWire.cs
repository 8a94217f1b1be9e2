using System.Collections.Generic;
using System.Text.Json.Serialization;
using DataArtsQuality.Client.Json;

namespace DataArtsQuality.Client.Wire
{
    internal sealed class TechScorePageWire
    {
        [JsonPropertyName("count")] public long Count { get; set; }
        [JsonPropertyName("scores")] public List<TechScoreWire>? Scores { get; set; }
    }
}

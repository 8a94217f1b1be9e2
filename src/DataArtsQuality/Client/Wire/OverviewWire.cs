using System.Collections.Generic;
using System.Text.Json.Serialization;
using DataArtsQuality.Client.Json;

namespace DataArtsQuality.Client.Wire
{
    internal sealed class OverviewWire
    {
        [JsonPropertyName("score")] public double? Score { get; set; }
        [JsonPropertyName("ranges")] public List<RangeWire>? Ranges { get; set; }
    }
}

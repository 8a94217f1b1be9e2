using System.Collections.Generic;
using System.Text.Json.Serialization;
using DataArtsQuality.Client.Json;

namespace DataArtsQuality.Client.Wire
{
    internal sealed class LegacyDataWire
    {
        [JsonPropertyName("num")] public long Num { get; set; }
        [JsonPropertyName("page_search_result")] public List<LegacyJobWire>? Items { get; set; }
    }
}

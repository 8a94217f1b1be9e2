using System.Collections.Generic;
using System.Text.Json.Serialization;
using DataArtsQuality.Client.Json;

namespace DataArtsQuality.Client.Wire
{
    internal sealed class RangeWire
    {
        [JsonPropertyName("count")] public int Count { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
    }
}

using System.Collections.Generic;
using System.Text.Json.Serialization;
using DataArtsQuality.Client.Json;

namespace DataArtsQuality.Client.Wire
{
    internal sealed class FullScoreWire
    {
        [JsonPropertyName("full_score")] public int? FullScore { get; set; }
    }
}

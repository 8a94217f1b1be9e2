using System.Collections.Generic;
using System.Text.Json.Serialization;
using DataArtsQuality.Client.Json;

namespace DataArtsQuality.Client.Wire
{
    internal sealed class MessageWire
    {
        [JsonPropertyName("message")] public string? Message { get; set; }
    }
}

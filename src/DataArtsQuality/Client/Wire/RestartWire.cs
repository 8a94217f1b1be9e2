using System.Text.Json.Serialization;
using DataArtsQuality.Client.Json;

namespace DataArtsQuality.Client.Wire
{
    /// <summary>Body of POST /v2/{project_id}/quality/instances/restart (ReStartTask). The doc types rule_id String.</summary>
    internal sealed class RestartRequest
    {
        [JsonPropertyName("rule_type")]
        public int RuleType { get; set; }

        [JsonPropertyName("rule_id")]
        [JsonConverter(typeof(StringIdConverter))]
        public string? RuleId { get; set; }
    }

    /// <summary>200 body of ReStartTask. instance_id is typed String; accept a number too.</summary>
    internal sealed class RestartResponse
    {
        [JsonPropertyName("instance_id")]
        [JsonConverter(typeof(StringIdConverter))]
        public string? InstanceId { get; set; }
    }

    /// <summary>The error envelope of DQC and of the API gateway in front of it (which adds request_id).</summary>
    internal sealed class ErrorBody
    {
        [JsonPropertyName("error_code")]
        public string? ErrorCode { get; set; }

        [JsonPropertyName("error_msg")]
        public string? ErrorMsg { get; set; }

        [JsonPropertyName("request_id")]
        public string? RequestId { get; set; }
    }
}

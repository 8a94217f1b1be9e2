namespace DataArtsQuality.Client.Wire;

/// <summary>The error envelope of DQC and of the API gateway in front of it (which adds request_id).</summary>
internal sealed class ErrorBody
{
    [JsonPropertyName("error_code")] public string? ErrorCode { get; set; }
    [JsonPropertyName("error_msg")] public string? ErrorMsg { get; set; }
    [JsonPropertyName("request_id")] public string? RequestId { get; set; }
}

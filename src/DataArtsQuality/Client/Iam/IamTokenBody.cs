namespace DataArtsQuality.Client.Iam;

internal sealed class IamTokenBody
{
    /// <summary>ISO-8601 UTC with microseconds, e.g. 2024-03-16T08:15:30.123000Z.</summary>
    [JsonPropertyName("expires_at")] public string? ExpiresAt { get; set; }
    [JsonPropertyName("issued_at")] public string? IssuedAt { get; set; }
    [JsonPropertyName("project")] public IamProject? Project { get; set; }
}

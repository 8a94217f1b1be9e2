namespace DataArtsQuality.Client.Iam;

/// <summary>The body of POST /v3/auth/tokens (201); the token itself is in the X-Subject-Token header.</summary>
internal sealed class IamTokenResponse
{
    [JsonPropertyName("token")] public IamTokenBody? Token { get; set; }
}

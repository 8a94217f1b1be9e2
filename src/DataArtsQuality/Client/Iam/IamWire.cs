using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataArtsQuality.Client.Iam
{
    /// <summary>The body of POST /v3/auth/tokens (201); the token itself is in the X-Subject-Token header.</summary>
    internal sealed class IamTokenResponse
    {
        [JsonPropertyName("token")]
        public IamTokenBody? Token { get; set; }
    }

    internal sealed class IamTokenBody
    {
        /// <summary>ISO-8601 UTC with microseconds, e.g. 2024-03-16T08:15:30.123000Z.</summary>
        [JsonPropertyName("expires_at")]
        public string? ExpiresAt { get; set; }

        [JsonPropertyName("issued_at")]
        public string? IssuedAt { get; set; }

        [JsonPropertyName("project")]
        public IamProject? Project { get; set; }
    }

    internal sealed class IamProject
    {
        [JsonPropertyName("id")]
        public string? Id { get; set; }

        [JsonPropertyName("name")]
        public string? Name { get; set; }
    }

    /// <summary>GET /v3/projects (KeystoneListProjects).</summary>
    internal sealed class IamProjectList
    {
        [JsonPropertyName("projects")]
        public List<IamProject>? Projects { get; set; }
    }

    /// <summary>Keystone's error shape, which IAM uses besides error_code/error_msg: {"error":{"code","message","title"}}.</summary>
    internal sealed class KeystoneErrorBody
    {
        [JsonPropertyName("error")]
        public KeystoneError? Error { get; set; }
    }

    internal sealed class KeystoneError
    {
        [JsonPropertyName("code")]
        public JsonElement Code { get; set; }

        [JsonPropertyName("message")]
        public string? Message { get; set; }

        [JsonPropertyName("title")]
        public string? Title { get; set; }
    }

    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
    [JsonSerializable(typeof(IamTokenResponse))]
    [JsonSerializable(typeof(IamProjectList))]
    [JsonSerializable(typeof(KeystoneErrorBody))]
    internal sealed partial class IamJsonContext : JsonSerializerContext
    {
    }
}

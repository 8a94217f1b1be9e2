namespace DataArtsQuality.Client.Iam;

/// <summary>GET /v3/projects (KeystoneListProjects).</summary>
internal sealed class IamProjectList
{
    [JsonPropertyName("projects")] public List<IamProject>? Projects { get; set; }
}

namespace DataArtsQuality.Client.Wire;

/// <summary>
/// ListManagerWorkSpaces: {count, total_page, data: [Workspacebody]} (docs/service-notes.md, Management Center
/// workspaces).
/// </summary>
internal sealed class WorkspaceListResponse
{
    /// <summary>The total number of workspaces (the doc's "number of users" is wrong).</summary>
    [JsonPropertyName("count")] public int? Count { get; set; }
    [JsonPropertyName("total_page")] public int? TotalPage { get; set; }
    [JsonPropertyName("data")] public List<WorkspaceBody>? Data { get; set; }
}

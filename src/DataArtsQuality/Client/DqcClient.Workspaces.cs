namespace DataArtsQuality.Client;

internal sealed partial class DqcClient
{
    /// <summary>
    /// ListManagerWorkSpaces: GET /v1/{project_id}/workspaces/{instance_id}, paged by record offset (until an empty
    /// page or the reported count) and sent WITHOUT
    /// the workspace header (Get-DqcWorkspace, and Connect-DqcWorkspace -WorkspaceName before any workspace is
    /// known). It goes through the same send path as every DQC call: credentials, retries, rate limit, logging.
    /// </summary>
    public async Task<List<DqcWorkspace>> ListWorkspacesAsync(string instanceId, CancellationToken cancellationToken,
        int pageSize = WorkspaceApi.MaxPageSize)
    {
        string instance = (instanceId ?? "").Trim();
        if (instance.Length == 0)
            throw new ArgumentException(
                "The DataArts Studio instance ID is empty (the 'instanceId=' part of the console URL).",
                nameof(instanceId));
        if (pageSize < 1 || pageSize > WorkspaceApi.MaxPageSize)
            throw new ArgumentOutOfRangeException(nameof(pageSize));

        string path = "v1/" + Uri.EscapeDataString(Connection.ProjectId) + "/workspaces/" +
            Uri.EscapeDataString(instance);
        var all = new List<DqcWorkspace>();
        for (int page = 0; ; page++)
        {
            var uri = Connection.BuildUri(path, new[]
            {
                new KeyValuePair<string, string>("limit", pageSize.ToString(CultureInfo.InvariantCulture)),
                new KeyValuePair<string, string>("offset", all.Count.ToString(CultureInfo.InvariantCulture)),
            });
            byte[] body = await SendRawAsync(HttpMethod.Get, uri, null, cancellationToken, sendWorkspace: false)
                .ConfigureAwait(false);
            WorkspaceListResponse? list;
            try
            {
                list = JsonSerializer.Deserialize(body, DqcJsonContext.Default.WorkspaceListResponse);
            }
            catch (JsonException ex)
            {
                throw new DqcResponseFormatException(
                    $"GET {uri.AbsolutePath} answered 2xx but the body is not a workspace list: {ex.Message}", ex);
            }
            var items = list?.Data ?? new List<WorkspaceBody>();
            all.AddRange(items.Select(WorkspaceApi.ToModel));
            int? total = list?.Count;
            Log.Verbose(
                string.Format(CultureInfo.InvariantCulture, "Workspaces of instance {0}: {1} of {2} after page {3}",
                instance, all.Count, total?.ToString(CultureInfo.InvariantCulture) ?? "?", page + 1));
            // As DqcPager: an empty page or the reported total ends the list, never a page shorter than asked for
            // (a service that caps limit lower would otherwise cut the list).
            if (items.Count == 0 || (total.HasValue && all.Count >= total.Value)) break;
        }
        return all;
    }
}

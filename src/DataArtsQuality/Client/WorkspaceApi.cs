using DataArtsQuality.Client.Auth;

namespace DataArtsQuality.Client;

/// <summary>
/// Management Center's workspace list (ListManagerWorkSpaces): the record shape and the name lookup. The paging
/// itself is <see cref="DqcClient.ListWorkspacesAsync"/>.
/// </summary>
internal static class WorkspaceApi
{
    public const int MaxPageSize = 100;

    internal static DqcWorkspace ToModel(WorkspaceBody w) => new DqcWorkspace
    {
        WorkspaceId = w.Id ?? "",
        Name = w.Name ?? "",
        Description = w.Description,
        Kind = w.IsDefault switch
        {
            0 => "Private",
            1 => "Default",
            2 => "Public",
            null => "",
            int other => other.ToString(CultureInfo.InvariantCulture),
        },
        Owner = w.OwnerName,
        MemberCount = w.MemberNum,
        InstanceId = w.InstanceId,
        ProjectId = w.ProjectId,
        EnterpriseProjectId = w.EpsId,
        CreatedAt = FromMs(w.CreateTime),
        CreatedBy = w.CreateUser,
        UpdatedAt = FromMs(w.UpdateTime),
        UpdatedBy = w.UpdateUser,
        BadRecordLocationName = w.BadRecordLocationName,
        JobLogLocationName = w.JobLogLocationName,
    };

    private static DateTimeOffset? FromMs(long? ms)
        => ms is long v && v > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(v).ToLocalTime() : (DateTimeOffset?)null;

    /// <summary>The one workspace of that name: exact match first, then case-insensitive; else a clear error.</summary>
    public static DqcWorkspace PickByName(IReadOnlyList<DqcWorkspace> workspaces, string name, string instanceId)
    {
        var exact = workspaces.Where(w => string.Equals(w.Name, name, StringComparison.Ordinal)).ToList();
        var matches = exact.Count > 0 ? exact : workspaces.Where(
            w => string.Equals(w.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count == 1) return matches[0];
        if (matches.Count == 0)
        {
            string known = workspaces.Count == 0 ? "it has none that these credentials can see"
                : "its workspaces are " + string.Join(", ", workspaces.Select(w => "'" + w.Name + "'"));
            throw new DqcWorkspaceNotFoundException($"Instance {instanceId} has no workspace named '{name}': {known}.");
        }
        throw new DqcWorkspaceNotFoundException($"Instance {instanceId} has {matches.Count} workspaces named '{name}' ({string.Join(", ", matches.Select(m => m.WorkspaceId))}). Use -WorkspaceId.");
    }
}

/// <summary>A workspace name that matches no workspace, or several.</summary>
public sealed class DqcWorkspaceNotFoundException : DqcException
{
    public DqcWorkspaceNotFoundException(string message) : base(message) { }

    public override string ErrorId => "DqcWorkspaceNotFound";

    public override DqcErrorCategory Category => DqcErrorCategory.ObjectNotFound;
}

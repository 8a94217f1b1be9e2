using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DataArtsQuality.Client.Auth;
using DataArtsQuality.Client.Wire;
using DataArtsQuality.Models;

namespace DataArtsQuality.Client
{
    /// <summary>
    /// Management Center's workspace list (ListManagerWorkSpaces): GET /v1/{project_id}/workspaces/{instance_id}, paged
    /// by record offset, sent WITHOUT the workspace header. Used by Get-DqcWorkspace and by Connect-DqcWorkspace
    /// -WorkspaceName before any workspace is known.
    /// </summary>
    internal static class WorkspaceApi
    {
        public const int MaxPageSize = 100;

        public static async Task<List<DqcWorkspace>> ListAsync(HttpClient http, Uri endpoint, string projectId, string instanceId,
            IDqcAuthenticator authenticator, TimeSpan timeout, IDqcLog log, CancellationToken cancellationToken, int pageSize = MaxPageSize)
        {
            string instance = (instanceId ?? "").Trim();
            if (instance.Length == 0)
                throw new ArgumentException("The DataArts Studio instance ID is empty (the 'instanceId=' part of the console URL).", nameof(instanceId));
            if (pageSize < 1 || pageSize > MaxPageSize) throw new ArgumentOutOfRangeException(nameof(pageSize));

            string root = endpoint.AbsoluteUri.TrimEnd('/') + "/v1/" + Uri.EscapeDataString(projectId) + "/workspaces/" + Uri.EscapeDataString(instance);
            var all = new List<DqcWorkspace>();
            for (int page = 0; ; page++)
            {
                int offset = all.Count;
                var uri = new Uri(string.Format(CultureInfo.InvariantCulture, "{0}?limit={1}&offset={2}", root, pageSize, offset));
                var answer = await DqcHttp.SendAsync(http, HttpMethod.Get, uri, null, null, authenticator, timeout, log, cancellationToken).ConfigureAwait(false);
                WorkspaceListResponse? list;
                try
                {
                    list = JsonSerializer.Deserialize(answer.Body, WorkspaceJsonContext.Default.WorkspaceListResponse);
                }
                catch (JsonException ex)
                {
                    throw new DqcResponseFormatException($"GET {uri.AbsolutePath} answered 2xx but the body is not a workspace list: {ex.Message}", ex);
                }
                var items = list?.Data ?? new List<WorkspaceBody>();
                all.AddRange(items.Select(ToModel));
                int total = list?.Count ?? all.Count;
                log.Verbose(string.Format(CultureInfo.InvariantCulture, "Workspaces of instance {0}: {1} of {2} after page {3}", instance, all.Count, total, page + 1));
                if (items.Count == 0 || all.Count >= total || items.Count < pageSize) break;
            }
            return all;
        }

        private static DqcWorkspace ToModel(WorkspaceBody w) => new DqcWorkspace
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
        };

        private static DateTimeOffset? FromMs(long? ms) => ms is long v && v > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(v).ToLocalTime() : (DateTimeOffset?)null;

        /// <summary>The one workspace of that name: exact match first, then case-insensitive; else a clear error.</summary>
        public static DqcWorkspace PickByName(IReadOnlyList<DqcWorkspace> workspaces, string name, string instanceId)
        {
            var exact = workspaces.Where(w => string.Equals(w.Name, name, StringComparison.Ordinal)).ToList();
            var matches = exact.Count > 0 ? exact : workspaces.Where(w => string.Equals(w.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
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
    public sealed class DqcWorkspaceNotFoundException : Exception
    {
        public DqcWorkspaceNotFoundException(string message) : base(message) { }
    }
}

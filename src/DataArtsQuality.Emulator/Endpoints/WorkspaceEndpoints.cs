namespace DataArtsQuality.Emulator.Endpoints;

/// <summary>
/// Management Center's workspace list (docs/service-notes.md, Management Center workspaces): GET
/// /v1/{project_id}/workspaces/{instance_id}?limit&amp;offset, no workspace header needed, {count, total_page, data}.
/// The two DQC tenants plus three workspaces without DQC data.
/// </summary>
public static class WorkspaceEndpoints
{
    private static readonly (string Id, string Name, int IsDefault, string Owner, int Members)[] Extra =
    [
        ("3c5e7a9b1d2f4e6a8b0c2d4e6f8a0b1c", "sandbox_a", 0, "data_ops", 2),
        ("4d6f8b0c2e3a5f7b9c1d3e5f7a9b1c2d", "sandbox_b", 0, "data_ops", 1),
        ("5e7a9c1d3f4b6a8c0d2e4f6a8b0c2d3e", "reporting", 2, "ei", 9),
    ];

    public static void MapWorkspaceEndpoints(this IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapGet("/v1/{project_id}/workspaces/{instance_id}",
            (string project_id, string instance_id, int? limit, int? offset) =>
        {
            if (project_id != state.Options.ProjectId)
            {
                return ApiErrors.Dqc(400, ApiErrors.ProjectMismatch,
                    $"The project {project_id} does not match the token's project.");
            }
            // [inf] code and wording
            if (instance_id != EmulatorDefaults.InstanceId)
                return ApiErrors.Dqc(400, "DAYU.4402", $"The instance {instance_id} does not exist.");
            int size = limit ?? 20;
            int from = offset ?? 0;
            if (size < 1 || size > 100 || from < 0)
                return ApiErrors.Dqc(400, ApiErrors.BadBody, "limit must be 1-100 and offset at least 0.");

            long created = EmulatorState.NowMs() - 200L * 86_400_000;
            var all = new List<JsonObject>
            {
                Workspace(state.Options.WorkspaceId, "dqc_prod", 1, "ei", 12, created),
                Workspace(EmulatorState.SecondWorkspaceId, "dqc_analytics", 0, "data_ops", 4, created + 86_400_000),
            };
            all.AddRange(Extra.Select((w, i) =>
                Workspace(w.Id, w.Name, w.IsDefault, w.Owner, w.Members, created + (i + 2) * 86_400_000L)));
            bool asFloat;
            int honoured;
            lock (state.Lock)
            {
                asFloat = state.Shape.WorkspaceTimesAsFloat;
                honoured = state.Shape.Cap(size);
            }
            if (asFloat)
            {
                foreach (var w in all)
                {
                    w["create_time"] = FloatTime(w["create_time"]!.GetValue<long>());
                    w["update_time"] = FloatTime(w["update_time"]!.GetValue<long>());
                }
            }
            var page = new JsonArray(all.Skip(from).Take(honoured).Select(w => (JsonNode)w).ToArray());
            return Results.Json(new JsonObject
            {
                ["count"] = all.Count,
                ["total_page"] = (all.Count + size - 1) / size,
                ["data"] = page,
            });
        });

        // The SDK types these float; "1.6691328E12" is how a float serialiser may write a ms epoch. Rounded to the
        // second so the E notation stays exact.
        static JsonNode FloatTime(long ms) => JsonNode.Parse(
            (ms / 1000 * 1000 / 1e12).ToString("0.0############", CultureInfo.InvariantCulture) + "E12")!;

        JsonObject Workspace(string id, string name, int isDefault, string owner, int members, long created) => new()
        {
            ["id"] = id,
            ["name"] = name,
            ["description"] = $"Emulated workspace {name}",
            ["is_default"] = isDefault,
            ["owner_name"] = owner,
            ["project_id"] = state.Options.ProjectId,
            ["domain_id"] = EmulatorDefaults.DomainId,
            ["instance_id"] = EmulatorDefaults.InstanceId,
            ["eps_id"] = "0",
            ["bad_record_location_name"] = "",
            ["job_log_location_name"] = "",
            ["create_time"] = created,
            ["create_user"] = owner,
            ["member_num"] = members,
            ["update_time"] = created + 3_600_000,
            ["update_user"] = owner,
        };
    }
}

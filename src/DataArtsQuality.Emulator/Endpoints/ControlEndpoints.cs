namespace DataArtsQuality.Emulator.Endpoints;

/// <summary>
/// /_emulator/*: what tests use to look behind the API (request log, stored state) and to steer the emulator.
/// Not part of DQC; no credentials needed.
/// </summary>
public static class ControlEndpoints
{
    public static void MapControlEndpoints(this IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapGet("/_emulator/info", () => Results.Json(new JsonObject
        {
            ["project_id"] = state.Options.ProjectId,
            ["workspace_id"] = state.Options.WorkspaceId,
            ["second_workspace_id"] = EmulatorState.SecondWorkspaceId,
            ["token"] = state.Options.Token,
            // The sample's fixed IDs, or the first jobs of the seed file.
            ["quality_job_ids"] = new JsonArray(state
                .FirstJobIds(JobKind.Quality, EmulatorState.FixedQualityJobs.Length)
                .Select(id => (JsonNode?)JsonValue.Create(id))
                .ToArray()),
            ["comparison_job_ids"] = new JsonArray(state
                .FirstJobIds(JobKind.Comparison, EmulatorState.FixedComparisonJobs.Length)
                .Select(id => (JsonNode?)JsonValue.Create(id))
                .ToArray()),
            ["instance_run_ms"] = state.Options.InstanceRunMilliseconds,
        }));

        app.MapGet("/_emulator/requests", (long? since) =>
        {
            var list = new JsonArray();
            foreach (var r in state.Requests.Since(since ?? 0))
            {
                var headers = new JsonObject();
                foreach (var h in r.Headers) headers[h.Key.ToLowerInvariant()] = h.Value;
                list.Add(new JsonObject
                {
                    ["sequence"] = r.Sequence,
                    ["time"] = r.Time.ToString("O"),
                    ["method"] = r.Method,
                    ["path"] = r.Path,
                    ["query"] = r.Query,
                    ["headers"] = headers,
                    ["body"] = r.Body,
                    ["status"] = r.Status,
                });
            }
            return Results.Json(list);
        });

        app.MapDelete("/_emulator/requests", () =>
        {
            state.Requests.Clear();
            return Results.NoContent();
        });

        app.MapPost("/_emulator/reset", () =>
        {
            state.Reset();
            return Results.NoContent();
        });

        // What the workspace holds, IDs as strings so any client can compare them exactly.
        app.MapGet("/_emulator/instances", (string? workspace) => InWorkspace(state, workspace, StoredInstances));
        app.MapGet("/_emulator/rest/templates", (string? workspace) => InWorkspace(state, workspace, StoredTemplates));
        app.MapGet("/_emulator/rest/jobs", (string? workspace) => InWorkspace(state, workspace, StoredJobs));
        app.MapGet("/_emulator/rest/instance-records",
            (string? workspace) => InWorkspace(state, workspace, StoredInstanceRecords));
    }

    /// <summary>
    /// Runs a view of a workspace (the main one when none is named) under the state's lock; 404 for an unknown one.
    /// </summary>
    private static IResult InWorkspace(
        EmulatorState state, string? workspace, Func<EmulatorState, Tenant, JsonArray> view)
    {
        var tenant = state.FindTenantOrMain(workspace);
        if (tenant is null) return Results.NotFound();
        lock (state.Lock) return Results.Json(view(state, tenant));
    }

    private static JsonArray StoredInstances(EmulatorState state, Tenant tenant)
    {
        state.Advance(tenant);
        return new JsonArray(tenant.Instances.Select(i => (JsonNode?)new JsonObject
        {
            ["id"] = i.Id.ToString(),
            ["name"] = i.Name,
            ["task_id"] = i.TaskId.ToString(),
            ["task_type"] = i.Kind.TaskType(),
            ["run_status"] = i.RunStatus,
            ["start_time"] = i.StartTime,
        }).ToArray());
    }

    private static JsonArray StoredTemplates(EmulatorState state, Tenant tenant) =>
        new(tenant.Templates.Select(t => (JsonNode?)new JsonObject
        {
            ["id"] = Text(t.Id),
            ["name"] = t.Name,
            ["category_id"] = Text(t.CategoryId),
            ["dimension"] = t.Dimension,
            ["system_template"] = t.System,
            ["sql_info"] = t.Sql,
            ["description"] = t.Description,
            ["abnormal_table_template"] = t.AbnormalSql,
            ["published"] = t.Published,
        }).ToArray());

    private static JsonArray StoredJobs(EmulatorState state, Tenant tenant) =>
        new(tenant.Jobs.Select(j => (JsonNode?)new JsonObject
        {
            ["id"] = Text(j.Id),
            ["name"] = j.Name,
            ["task_type"] = j.Kind.TaskType(),
            ["schedule_status"] = j.ScheduleStatus,
        }).ToArray());

    private static JsonArray StoredInstanceRecords(EmulatorState state, Tenant tenant) =>
        new(tenant.InstanceRecords.Select(r => (JsonNode?)new JsonObject
        {
            ["instance_id"] = Text(r.InstanceId),
            ["body"] = r.Body,
        }).ToArray());

    private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);
}

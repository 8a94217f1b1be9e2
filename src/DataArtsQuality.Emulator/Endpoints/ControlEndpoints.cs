using System.Text.Json.Nodes;
using DataArtsQuality.Emulator.Gateway;
using DataArtsQuality.Emulator.State;

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
            ["quality_job_ids"] = new JsonArray(state.FirstJobIds(JobKind.Quality, EmulatorState.FixedQualityJobs.Length).Select(id => (JsonNode?)JsonValue.Create(id)).ToArray()),
            ["comparison_job_ids"] = new JsonArray(state.FirstJobIds(JobKind.Comparison, EmulatorState.FixedComparisonJobs.Length).Select(id => (JsonNode?)JsonValue.Create(id)).ToArray()),
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

        // Instances as stored, IDs as strings so any client can compare them exactly.
        app.MapGet("/_emulator/instances", (string? workspace) =>
        {
            var tenant = state.FindTenant(workspace ?? state.Options.WorkspaceId);
            if (tenant is null) return Results.NotFound();
            lock (state.Lock)
            {
                state.Advance(tenant);
                var list = new JsonArray();
                foreach (var i in tenant.Instances)
                {
                    list.Add(new JsonObject
                    {
                        ["id"] = i.Id.ToString(),
                        ["name"] = i.Name,
                        ["task_id"] = i.TaskId.ToString(),
                        ["task_type"] = i.Kind == JobKind.Quality ? "QUALITY_TASK" : "CONSISTENCY_TASK",
                        ["run_status"] = i.RunStatus,
                        ["start_time"] = i.StartTime,
                    });
                }
                return Results.Json(list);
            }
        });
    }
}

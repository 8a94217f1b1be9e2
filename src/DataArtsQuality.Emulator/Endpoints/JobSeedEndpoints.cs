namespace DataArtsQuality.Emulator.Endpoints;

/// <summary>
/// POST /_emulator/jobs?kind=quality|comparison&amp;name=...[&amp;workspace=...]: adds one job with the given name (any
/// text, spaces and quotes included), for tests of name handling such as Tab completion. Not part of DQC. Answers
/// {"id": "..."} with the new job's ID as a string.
/// </summary>
public static class JobSeedEndpoints
{
    public static void MapJobSeedEndpoints(this IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapPost("/_emulator/jobs", (string? kind, string? name, string? workspace) =>
        {
            if (string.IsNullOrEmpty(name))
                return Results.BadRequest(new JsonObject { ["error"] = "name is required" });
            JobKind jobKind;
            if (string.Equals(kind ?? "quality", "quality", StringComparison.OrdinalIgnoreCase))
                jobKind = JobKind.Quality;
            else if (string.Equals(kind, "comparison", StringComparison.OrdinalIgnoreCase))
                jobKind = JobKind.Comparison;
            else
                return Results.BadRequest(new JsonObject { ["error"] = "kind is quality or comparison" });
            var tenant = state.FindTenantOrMain(workspace);
            if (tenant is null) return Results.NotFound();
            var job = new EmulatedJob
            {
                Id = state.NextId(),
                Kind = jobKind,
                Name = name,
                CreateTime = EmulatorState.NowMs(),
            };
            lock (state.Lock) tenant.AddJob(job);
            return Results.Json(new JsonObject { ["id"] = job.Id.ToString(CultureInfo.InvariantCulture) });
        });
    }
}

using System.Text.Json;

namespace DataArtsQuality.Emulator.Endpoints;

/// <summary>
/// POST /_emulator/configure: lets a test re-seed one running emulator instead of starting one per case.
/// Query: quality_jobs, comparison_jobs (re-seed: jobs, history and request log start over), instance_run_ms,
/// nested_sub_rules (true: comparison details send sub_rules as an array of arrays, the SDKs' shape).
/// PUT /_emulator/seed: replaces the main workspace's jobs with the body's {"jobs": [...], "comparison_jobs": [...]}
/// (the seed-file format of docs/emulator.md; either may be missing = none); history and request log start over.
/// DELETE /_emulator/seed: back to the built-in sample.
/// </summary>
public static class SeedEndpoints
{
    public static void MapSeedEndpoints(this IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapPost("/_emulator/configure", (HttpContext context) =>
        {
            var q = context.Request.Query;
            bool reseed = false;
            if (Int(q, "quality_jobs") is int quality) { state.Options.QualityJobs = quality; reseed = true; }
            if (Int(q, "comparison_jobs") is int comparison)
            {
                state.Options.ComparisonJobs = comparison;
                reseed = true;
            }
            if (Int(q, "instance_run_ms") is int runMs) state.Options.InstanceRunMilliseconds = runMs;
            if (q["nested_sub_rules"].FirstOrDefault() is string nested)
                state.Options.NestedSubRules = bool.Parse(nested);
            if (reseed) state.Reset();
            return Results.Json(new JsonObject
            {
                ["quality_jobs"] = state.Options.QualityJobs,
                ["comparison_jobs"] = state.Options.ComparisonJobs,
                ["instance_run_ms"] = state.Options.InstanceRunMilliseconds,
                ["nested_sub_rules"] = state.Options.NestedSubRules,
            });
        });

        app.MapPut("/_emulator/seed", async (HttpContext context) =>
        {
            string body = await context.ReadBodyAsync();
            IReadOnlyList<JobSeed> quality, comparison;
            try
            {
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    throw new FormatException(
                        "the body must be an object {\"jobs\": [...], \"comparison_jobs\": [...]}.");
                }
                quality = root.TryGetProperty("jobs", out var q) && q.ValueKind == JsonValueKind.Array
                    ? JobSeed.ParseArray(q) : Array.Empty<JobSeed>();
                comparison = root.TryGetProperty("comparison_jobs", out var c) && c.ValueKind == JsonValueKind.Array
                    ? JobSeed.ParseArray(c) : Array.Empty<JobSeed>();
            }
            catch (Exception e) when (e is JsonException or FormatException)
            {
                return Results.BadRequest(new JsonObject { ["error"] = e.Message });
            }
            var clash = quality.Select(j => j.Id).Intersect(comparison.Select(j => j.Id)).FirstOrDefault();
            if (clash != 0)
            {
                return Results.BadRequest(
                    new JsonObject { ["error"] = $"the id {clash} is both a quality and a comparison job." });
            }
            state.Options.QualityJobSeed = quality;
            state.Options.ComparisonJobSeed = comparison;
            state.Reset();
            return Results.Json(new JsonObject { ["jobs"] = quality.Count, ["comparison_jobs"] = comparison.Count });
        });

        app.MapDelete("/_emulator/seed", () =>
        {
            state.Options.QualityJobSeed = null;
            state.Options.ComparisonJobSeed = null;
            state.Reset();
            return Results.NoContent();
        });
    }

    private static int? Int(IQueryCollection q, string key) =>
        q[key].FirstOrDefault() is string s ? int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture) : null;
}

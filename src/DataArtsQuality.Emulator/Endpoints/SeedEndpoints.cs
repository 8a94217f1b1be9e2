using System.Globalization;
using System.Text.Json.Nodes;
using DataArtsQuality.Emulator.State;

namespace DataArtsQuality.Emulator.Endpoints;

/// <summary>
/// POST /_emulator/configure: lets a test re-seed one running emulator instead of starting one per case.
/// Query: quality_jobs, comparison_jobs (re-seed: jobs, history and request log start over), instance_run_ms,
/// nested_sub_rules (true: comparison details send sub_rules as an array of arrays, the SDKs' shape).
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
            if (Int(q, "comparison_jobs") is int comparison) { state.Options.ComparisonJobs = comparison; reseed = true; }
            if (Int(q, "instance_run_ms") is int runMs) state.Options.InstanceRunMilliseconds = runMs;
            if (q["nested_sub_rules"].FirstOrDefault() is string nested) state.Options.NestedSubRules = bool.Parse(nested);
            if (reseed) state.Reset();
            return Results.Json(new JsonObject
            {
                ["quality_jobs"] = state.Options.QualityJobs,
                ["comparison_jobs"] = state.Options.ComparisonJobs,
                ["instance_run_ms"] = state.Options.InstanceRunMilliseconds,
                ["nested_sub_rules"] = state.Options.NestedSubRules,
            });
        });
    }

    private static int? Int(IQueryCollection q, string key) =>
        q[key].FirstOrDefault() is string s ? int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture) : null;
}

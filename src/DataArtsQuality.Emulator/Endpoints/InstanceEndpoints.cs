using System.Text.Json.Nodes;
using DataArtsQuality.Emulator.Gateway;
using DataArtsQuality.Emulator.State;

namespace DataArtsQuality.Emulator.Endpoints;

/// <summary>Task Instance operations (dqc-api.md §2.6).</summary>
public static class InstanceEndpoints
{
    public static void MapInstanceEndpoints(this IEndpointRouteBuilder app, EmulatorState state)
    {
        // ReStartTask: body {"rule_type": 1|2, "rule_id": "<job id>"}; 200 {"instance_id": "<id as string>"}.
        app.MapPost("/v2/{project_id}/quality/instances/restart", async (HttpContext context) =>
        {
            string body = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
            var json = JsonRead.Object(body);
            if (json is null)
                return ApiErrors.Dqc(400, ApiErrors.BadBody, "The request body is not a JSON object.");
            if (!JsonRead.TryInt(json["rule_type"], out int ruleType) || (ruleType != 1 && ruleType != 2))
                return ApiErrors.Dqc(400, ApiErrors.BadRuleType, "rule_type must be 1 (quality job) or 2 (comparison job).");
            if (!JsonRead.TryId(json["rule_id"], out long ruleId))
                return ApiErrors.Dqc(400, ApiErrors.BadId, "rule_id must be a job ID.");

            var tenant = context.Tenant();
            lock (state.Lock)
            {
                if (!tenant.JobsById.TryGetValue(ruleId, out var job) || (int)job.Kind != ruleType)
                {
                    string kind = ruleType == 1 ? "quality job" : "comparison job";
                    return ApiErrors.Dqc(400, ApiErrors.JobNotFound, $"The {kind} {ruleId} does not exist.");
                }
                var instance = state.StartRun(tenant, job);
                return Results.Json(new JsonObject { ["instance_id"] = instance.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            }
        });
    }
}

namespace DataArtsQuality.Emulator.Endpoints;

/// <summary>
/// /_emulator/faults and /_emulator/rate-limit: what tests use to make the next API requests fail in a chosen way
/// and to switch the gateway's rate limit on. Not part of DQC.
/// </summary>
public static class FaultEndpoints
{
    public static void MapFaultEndpoints(this IEndpointRouteBuilder app, FaultState faults)
    {
        // Body: {"kind":"status|reset|slow|malformed|truncate", "status":503, "retry_after":"2", "delay_ms":3000,
        //        "after":true, "method":"POST", "path":"instances/restart", "times":1}
        app.MapPost("/_emulator/faults", async (HttpContext context) =>
        {
            var fault = FaultSpec.FromJson(JsonRead.Object(await context.ReadBodyAsync()));
            if (fault is null)
            {
                return Results.BadRequest(
                    new JsonObject { ["error"] = "kind must be status, reset, slow, malformed or truncate" });
            }
            faults.Add(fault);
            return Results.Json(fault.ToJson());
        });

        app.MapGet("/_emulator/faults", () => Results.Json(new JsonObject
        {
            ["pending"] = faults.Pending(),
            ["applied"] = faults.Applied,
        }));

        app.MapDelete("/_emulator/faults", () =>
        {
            faults.Clear();
            return Results.NoContent();
        });

        // Body: {"count":40, "period_ms":10000, "count_refused":false}; count 0 switches the limit off.
        app.MapPut("/_emulator/rate-limit", async (HttpContext context) =>
        {
            var json = JsonRead.Object(await context.ReadBodyAsync()) ?? new JsonObject();
            faults.SetLimit(JsonRead.LooseInt(json["count"]) ?? 40, JsonRead.LooseInt(json["period_ms"]) ?? 10_000,
                json["count_refused"] is JsonValue v && v.TryGetValue(out bool counted) && counted);
            return Results.Json(RateLimit(faults));
        });

        app.MapDelete("/_emulator/rate-limit", () =>
        {
            faults.SetLimit(0, 10_000);
            return Results.NoContent();
        });

        app.MapGet("/_emulator/rate-limit", () => Results.Json(RateLimit(faults)));
    }

    private static JsonObject RateLimit(FaultState faults) => new()
    {
        ["enabled"] = faults.LimitCount > 0,
        ["count"] = faults.LimitCount,
        ["period_ms"] = faults.LimitPeriodMs,
        ["admitted"] = faults.Admitted,
        ["rejected"] = faults.Rejected,
        ["count_refused"] = faults.CountRefused,
        ["rejected_by"] = ByCaller(faults.RejectedByCaller()),
        ["admitted_by"] = ByCaller(faults.AdmittedByCaller()),
    };

    private static JsonObject ByCaller(IReadOnlyDictionary<string, int> counts)
    {
        var json = new JsonObject();
        foreach (var pair in counts.OrderBy(p => p.Key, StringComparer.Ordinal)) json[pair.Key] = pair.Value;
        return json;
    }
}

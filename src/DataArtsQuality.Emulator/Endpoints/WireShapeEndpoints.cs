namespace DataArtsQuality.Emulator.Endpoints;

/// <summary>
/// /_emulator/shape: switches the answer shapes of <see cref="WireShape"/> on and off. Not part of DQC.
/// </summary>
public static class WireShapeEndpoints
{
    public static void MapWireShapeEndpoints(this IEndpointRouteBuilder app, EmulatorState state)
    {
        // Body: {"suspending_ms": 1500, "page_cap": 2, "workspace_times_as_float": true}; fields left out keep their
        // value.
        app.MapPut("/_emulator/shape", async (HttpContext context) =>
        {
            var json = JsonRead.Object(await context.ReadBodyAsync()) ?? new JsonObject();
            lock (state.Lock)
            {
                var shape = state.Shape;
                if (json["suspending_ms"] is JsonNode s && JsonRead.TryInt(s, out int ms))
                    shape.SuspendingMilliseconds = Math.Max(0, ms);
                if (json["page_cap"] is JsonNode p && JsonRead.TryInt(p, out int cap)) shape.PageCap = Math.Max(0, cap);
                if (JsonRead.Bool(json["workspace_times_as_float"]) is bool asFloat)
                    shape.WorkspaceTimesAsFloat = asFloat;
                return Results.Json(Describe(shape));
            }
        });

        app.MapGet("/_emulator/shape", () =>
        {
            lock (state.Lock) return Results.Json(Describe(state.Shape));
        });
    }

    private static JsonObject Describe(WireShape shape) => new()
    {
        ["suspending_ms"] = shape.SuspendingMilliseconds,
        ["page_cap"] = shape.PageCap,
        ["workspace_times_as_float"] = shape.WorkspaceTimesAsFloat,
    };
}

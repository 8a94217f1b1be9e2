namespace DataArtsQuality.Emulator.Endpoints;

/// <summary>
/// TEST INSTRUMENT, not part of DQC: GET /_emulator/concurrency answers {"current":n,"max":n} (API requests in flight
/// now, and the most at once since the last reset); DELETE starts a new measurement.
/// </summary>
public static class ConcurrencyEndpoints
{
    public static void MapConcurrencyEndpoints(this IEndpointRouteBuilder app, ConcurrencyGauge gauge)
    {
        app.MapGet("/_emulator/concurrency",
            () => Results.Json(new JsonObject { ["current"] = gauge.Current, ["max"] = gauge.Max }));
        app.MapDelete("/_emulator/concurrency", () =>
        {
            gauge.Reset();
            return Results.NoContent();
        });
    }
}

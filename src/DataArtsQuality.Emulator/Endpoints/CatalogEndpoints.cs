namespace DataArtsQuality.Emulator.Endpoints;

/// <summary>The catalog's directory tree (ListCategory: docs/service-notes.md, Catalog).</summary>
public static class CatalogEndpoints
{
    public static void MapCatalogEndpoints(this IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapGet("/v2/{project_id}/quality/categories", (HttpContext context) => ListCategories(context, state));
    }

    /// <summary>A bare array (of the one root), limit/offset over the top level.</summary>
    private static IResult ListCategories(HttpContext context, EmulatorState state)
    {
        var (paging, error) = Paging.Strict(context, 100);
        if (error != null) return error;
        var tenant = context.Tenant();
        lock (state.Lock)
        {
            var roots = new[] { tenant.Categories };
            return Results.Json(new JsonArray(roots
                .Skip((int)paging.Offset)
                .Take(state.Shape.Cap(paging.Limit))
                .Select(c => (JsonNode?)Category(c, "-1"))
                .ToArray()));
        }
    }

    private static JsonObject Category(EmulatedCategory c, string pid) => new()
    {
        ["name"] = c.Name,
        ["id"] = JsonValue.Create(c.Id),
        ["type"] = c.Type,
        ["pid"] = pid,
        ["sub_categories"] = new JsonArray(c.Children
            .Select(s => (JsonNode?)Category(s, c.Id.ToString(CultureInfo.InvariantCulture)))
            .ToArray()),
    };

    /// <summary>
    /// The name of a directory given by its ID as JSON text (a number or a quoted string); the text itself when
    /// unknown.
    /// </summary>
    internal static string CategoryName(Tenant tenant, string id) =>
        tenant.Categories.All()
            .FirstOrDefault(c => c.Id.ToString(CultureInfo.InvariantCulture) == id.Trim('"'))?.Name ?? id;
}

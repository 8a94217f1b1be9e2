using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataArtsQuality.Emulator.Gateway;
using DataArtsQuality.Emulator.State;

namespace DataArtsQuality.Emulator.Endpoints;

/// <summary>
/// Issue 6's operations: catalog, rule templates, job deletion and schedules, the v1 job list, batch-stop and
/// instance handling records, quality reports, import/export (dqc-api.md §2). Error codes DQC.402x-DQC.406x are the
/// emulator's own [inf] (see docs/emulator.md).
/// </summary>
public static partial class RestEndpoints
{
    public const string BadPaging = "DQC.4020";
    public const string NotFound = "DQC.4021";
    public const string BadField = "DQC.4022";
    public const string Duplicate = "DQC.4023";
    public const string SystemTemplate = "DQC.4024";
    public const string NotStoppable = "DQC.4060";

    public static void MapRestEndpoints(this IEndpointRouteBuilder app, EmulatorState state)
    {
        MapCatalogAndTemplates(app, state);
        MapJobAdmin(app, state);
        MapReports(app, state);
        MapResources(app, state);
        MapControl(app, state);
    }

    internal static IResult Success() => Results.Json(new JsonObject { ["error_code"] = "DLG.2700", ["error_msg"] = "Successful." });

    internal static async Task<string> Body(HttpContext context)
    {
        context.Request.Body.Position = 0;
        return await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
    }

    internal static JsonNode? Parse(string body)
    {
        try { return JsonNode.Parse(body); }
        catch (JsonException) { return null; }
    }

    /// <summary>limit (default 10, max 100) and offset (default 0); null with an error result when invalid.</summary>
    internal static (int Limit, int Offset, IResult? Error) Paging(HttpContext context, int defaultLimit = 10)
    {
        int limit = defaultLimit, offset = 0;
        var q = context.Request.Query;
        if (q.ContainsKey("limit") && (!int.TryParse(q["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit > 100))
            return (0, 0, ApiErrors.Dqc(400, BadPaging, "limit must be an integer from 0 to 100."));
        if (q.ContainsKey("offset") && !int.TryParse(q["offset"], NumberStyles.None, CultureInfo.InvariantCulture, out offset))
            return (0, 0, ApiErrors.Dqc(400, BadPaging, "offset must be an integer of 0 or more."));
        return (limit, offset, null);
    }

    internal static string? Query(HttpContext context, string key)
    {
        string? v = context.Request.Query[key].FirstOrDefault();
        return string.IsNullOrEmpty(v) ? null : v;
    }

    internal static bool TryLongQuery(HttpContext context, string key, out long? value, out IResult? error)
    {
        value = null;
        error = null;
        string? text = Query(context, key);
        if (text is null) return true;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long v)) { value = v; return true; }
        error = ApiErrors.Dqc(400, BadField, $"{key} must be an integer.");
        return false;
    }

    /// <summary>A bare JSON array of IDs (numbers or strings), exact. Null when the body is something else.</summary>
    internal static List<long>? IdArray(JsonNode? node)
    {
        if (node is not JsonArray array) return null;
        var ids = new List<long>();
        foreach (var item in array)
        {
            if (!JsonRead.TryId(item, out long id)) return null;
            ids.Add(id);
        }
        return ids;
    }

    internal static JsonValue Id(long id) => JsonValue.Create(id);

    private static void MapControl(IEndpointRouteBuilder app, EmulatorState state)
    {
        // Test views, IDs as strings.
        app.MapGet("/_emulator/rest/templates", (string? workspace) =>
        {
            var tenant = state.FindTenant(workspace ?? state.Options.WorkspaceId);
            if (tenant is null) return Results.NotFound();
            lock (state.Lock)
            {
                var data = RestData.For(tenant);
                return Results.Json(new JsonArray(data.Templates.Select(t => (JsonNode?)new JsonObject
                {
                    ["id"] = t.Id.ToString(CultureInfo.InvariantCulture),
                    ["name"] = t.Name,
                    ["category_id"] = t.CategoryId.ToString(CultureInfo.InvariantCulture),
                    ["dimension"] = t.Dimension,
                    ["system_template"] = t.System,
                    ["sql_info"] = t.Sql,
                    ["description"] = t.Description,
                    ["abnormal_table_template"] = t.AbnormalSql,
                    ["published"] = t.Published,
                }).ToArray()));
            }
        });

        app.MapGet("/_emulator/rest/jobs", (string? workspace) =>
        {
            var tenant = state.FindTenant(workspace ?? state.Options.WorkspaceId);
            if (tenant is null) return Results.NotFound();
            lock (state.Lock)
            {
                return Results.Json(new JsonArray(tenant.Jobs.Select(j => (JsonNode?)new JsonObject
                {
                    ["id"] = j.Id.ToString(CultureInfo.InvariantCulture),
                    ["name"] = j.Name,
                    ["task_type"] = j.Kind == JobKind.Quality ? "QUALITY_TASK" : "CONSISTENCY_TASK",
                    ["schedule_status"] = j.ScheduleStatus,
                }).ToArray()));
            }
        });

        app.MapGet("/_emulator/rest/instance-records", (string? workspace) =>
        {
            var tenant = state.FindTenant(workspace ?? state.Options.WorkspaceId);
            if (tenant is null) return Results.NotFound();
            lock (state.Lock)
            {
                return Results.Json(new JsonArray(RestData.For(tenant).InstanceRecords.Select(r => (JsonNode?)new JsonObject
                {
                    ["instance_id"] = r.InstanceId.ToString(CultureInfo.InvariantCulture),
                    ["body"] = r.Body,
                }).ToArray()));
            }
        });
    }
}

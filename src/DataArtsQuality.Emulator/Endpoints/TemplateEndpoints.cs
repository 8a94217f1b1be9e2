namespace DataArtsQuality.Emulator.Endpoints;

/// <summary>
/// Rule templates (docs/service-notes.md, Rule templates): list, detail, create, update, batch delete. System templates
/// are read-only.
/// </summary>
public static class TemplateEndpoints
{
    public static void MapTemplateEndpoints(this IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapGet("/v2/{project_id}/quality/rule-templates", (HttpContext context) => ListTemplates(context, state));
        app.MapGet("/v2/{project_id}/quality/rule-templates/{id}",
            (HttpContext context, string id) => ShowTemplate(context, state, id));
        app.MapPost("/v2/{project_id}/quality/rule-templates",
            Task<IResult> (HttpContext context) => CreateTemplate(context, state));
        app.MapPut("/v2/{project_id}/quality/rule-templates/{id}",
            Task<IResult> (HttpContext context, string id) => UpdateTemplate(context, state, id));
        app.MapPost("/v2/{project_id}/quality/rule-templates/batch-delete",
            Task<IResult> (HttpContext context) => DeleteTemplates(context, state));
    }

    private static IResult ListTemplates(HttpContext context, EmulatorState state)
    {
        var (paging, error) = Paging.Strict(context);
        if (error != null) return error;
        if (!context.TryQueryLong("category_id", out long? category, out error)) return error!;
        string? name = context.Query("name");
        string? creator = context.Query("creator");
        string? system = context.Query("system_template");
        lock (state.Lock)
        {
            var list = context.Tenant().Templates.Where(t =>
                (category is null || t.CategoryId == category)
                // [inf] name is a case-insensitive substring match, as the console's search box.
                && (name is null || t.Name.Contains(name, StringComparison.OrdinalIgnoreCase))
                && (creator is null || string.Equals(t.Creator, creator, StringComparison.Ordinal))
                && (system is null || !string.Equals(system, "true", StringComparison.OrdinalIgnoreCase) || t.System))
                .ToList();
            return Results.Json(new JsonObject
            {
                ["count"] = list.Count,
                ["resources"] = new JsonArray(paging.Of(list)
                    .Select(t => (JsonNode?)ToJson(t, idAsString: false, withAbnormal: true))
                    .ToArray()),
            });
        }
    }

    private static IResult ShowTemplate(HttpContext context, EmulatorState state, string id)
    {
        lock (state.Lock)
        {
            var t = Find(context.Tenant(), id);
            if (t is null) return ApiErrors.NoSuch("rule template", id);
            // ShowTemplatesDetail has no abnormal_table_template (docs/service-notes.md, Rule templates).
            return Results.Json(ToJson(t, idAsString: false, withAbnormal: false));
        }
    }

    private static async Task<IResult> CreateTemplate(HttpContext context, EmulatorState state)
    {
        var body = JsonRead.Object(await context.ReadBodyAsync());
        if (body is null) return ApiErrors.NotAnObject();
        lock (state.Lock)
        {
            var tenant = context.Tenant();
            var t = new EmulatedTemplate
            {
                Id = state.NextId(), CreateTime = EmulatorState.NowMs(), Creator = "dqc_user",
            };
            var problem = Apply(t, body, tenant, requireAll: true);
            if (problem != null) return problem;
            tenant.Templates.Add(t);
            // The create/update examples return id as a string (docs/service-notes.md, IDs).
            return Results.Json(ToJson(t, idAsString: true, withAbnormal: true));
        }
    }

    private static async Task<IResult> UpdateTemplate(HttpContext context, EmulatorState state, string id)
    {
        var body = JsonRead.Object(await context.ReadBodyAsync());
        if (body is null) return ApiErrors.NotAnObject();
        lock (state.Lock)
        {
            var tenant = context.Tenant();
            var t = Find(tenant, id);
            if (t is null) return ApiErrors.NoSuch("rule template", id);
            if (t.System)
                return ApiErrors.Dqc(400, ApiErrors.SystemTemplate, $"The system template {id} cannot be changed.");
            var copy = new EmulatedTemplate
            {
                Id = t.Id, Name = t.Name, CategoryId = t.CategoryId, Dimension = t.Dimension, Type = t.Type,
                Sql = t.Sql, AbnormalSql = t.AbnormalSql, ResultDescription = t.ResultDescription,
                Description = t.Description, CreateTime = t.CreateTime, Creator = t.Creator,
            };
            var problem = Apply(copy, body, tenant, requireAll: false);
            if (problem != null) return problem;
            tenant.Templates[tenant.Templates.IndexOf(t)] = copy;
            return Results.Json(ToJson(copy, idAsString: true, withAbnormal: true));
        }
    }

    /// <summary>
    /// BatchDeleteTemplates: {"ids":[...]}; a bare array is refused, as the other batch calls' shape does not fit.
    /// </summary>
    private static async Task<IResult> DeleteTemplates(HttpContext context, EmulatorState state)
    {
        var body = JsonRead.Object(await context.ReadBodyAsync());
        var ids = body is null ? null : JsonRead.IdArray(body["ids"]);
        if (ids is null || ids.Count == 0)
            return ApiErrors.Dqc(400, ApiErrors.BadBody, "The body must be {\"ids\": [<template id>, ...]}.");
        lock (state.Lock)
        {
            var templates = context.Tenant().Templates;
            foreach (long id in ids)
            {
                var t = templates.FirstOrDefault(x => x.Id == id);
                if (t is null) return ApiErrors.NoSuch("rule template", id);
                if (t.System)
                    return ApiErrors.Dqc(400, ApiErrors.SystemTemplate, $"The system template {id} cannot be deleted.");
            }
            templates.RemoveAll(t => ids.Contains(t.Id));
            // As the reference: the API page shows no body and BatchDeleteTemplatesResponse has no fields, so a
            // bare 200 with an empty body (no Content-Type).
            return Results.StatusCode(200);
        }
    }

    private static EmulatedTemplate? Find(Tenant tenant, string id) =>
        RequestInput.TryPathId(id, out long n) ? tenant.Templates.FirstOrDefault(t => t.Id == n) : null;

    private static IResult? Apply(EmulatedTemplate t, JsonObject body, Tenant tenant, bool requireAll)
    {
        string? name = body["name"]?.GetValue<string>();
        if (name != null) t.Name = name.Trim();
        if (string.IsNullOrEmpty(t.Name)) return ApiErrors.InvalidField("name is required.");
        if (tenant.Templates.Any(x => x.Id != t.Id && string.Equals(x.Name, t.Name, StringComparison.Ordinal)))
            return ApiErrors.Dqc(400, ApiErrors.DuplicateName, $"A rule template named '{t.Name}' exists.");
        if (body["dimension_id"] is JsonNode dim)
        {
            if (!JsonRead.TryInt(dim, out int d) || d < 1 || d > 6)
                return ApiErrors.InvalidField("dimension_id must be 1 to 6.");
            t.Dimension = DqcValues.Dimensions[d - 1];
        }
        else if (requireAll) return ApiErrors.InvalidField("dimension_id is required.");
        if (body["directory_id"] is JsonNode dir)
        {
            if (!JsonRead.TryId(dir, out long c)) return ApiErrors.InvalidField("directory_id must be a directory ID.");
            if (!tenant.Categories.All().Any(x => x.Id == c)) return ApiErrors.NoSuch("directory", c);
            t.CategoryId = c;
        }
        string? sql = body["sql_info"]?.GetValue<string>();
        if (sql != null) t.Sql = sql;
        if (string.IsNullOrEmpty(t.Sql)) return ApiErrors.InvalidField("sql_info is required.");
        // [inf] TemplateRO replaces the template: a field sent as null clears it, a field left out keeps its value.
        if (body.ContainsKey("result_description"))
            t.ResultDescription = body["result_description"]?.GetValue<string>();
        if (body.ContainsKey("description")) t.Description = body["description"]?.GetValue<string>();
        if (body.ContainsKey("abnormal_table_template"))
            t.AbnormalSql = body["abnormal_table_template"]?.GetValue<string>();
        if (body["user_define_version_name"] is JsonNode vn) t.VersionName = vn.GetValue<string>();
        if (body["publish"] is JsonNode pub) t.Published = pub.GetValue<bool>();
        // [inf] type derived from the SQL: Field when it names a column placeholder, Table otherwise.
        t.Type = t.Sql!.Contains("${Column", StringComparison.Ordinal) ? "Field" : "Table";
        return null;
    }

    internal static JsonObject ToJson(EmulatedTemplate t, bool idAsString, bool withAbnormal)
    {
        var o = new JsonObject
        {
            ["id"] = idAsString
                ? JsonValue.Create(t.Id.ToString(CultureInfo.InvariantCulture))
                : JsonValue.Create(t.Id),
            ["name"] = t.Name,
            ["category_id"] = JsonValue.Create(t.CategoryId),
            ["dimension"] = t.Dimension,
            ["type"] = t.Type,
            ["system_template"] = t.System,
            ["sql_info"] = t.Sql,
        };
        if (withAbnormal) o["abnormal_table_template"] = t.AbnormalSql;
        o["result_description"] = t.ResultDescription;
        o["create_time"] = t.CreateTime;
        o["creator"] = t.Creator;
        return o;
    }
}

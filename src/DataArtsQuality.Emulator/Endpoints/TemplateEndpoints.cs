using System.Globalization;
using System.Text.Json.Nodes;
using DataArtsQuality.Emulator.Gateway;
using DataArtsQuality.Emulator.State;

namespace DataArtsQuality.Emulator.Endpoints;

public static partial class RestEndpoints
{
    private static readonly string[] Dimensions = { "Completeness", "Uniqueness", "Timeliness", "Validity", "Accuracy", "Consistency" };

    private static void MapCatalogAndTemplates(IEndpointRouteBuilder app, EmulatorState state)
    {
        // ListCategory: a bare array (of the one root), limit/offset over the top level.
        app.MapGet("/v2/{project_id}/quality/categories", (HttpContext context) =>
        {
            var (limit, offset, error) = Paging(context, 100);
            if (error != null) return error;
            var tenant = context.Tenant();
            lock (state.Lock)
            {
                var roots = new[] { RestData.For(tenant).Root };
                return Results.Json(new JsonArray(roots.Skip(offset).Take(state.Shape.Cap(limit)).Select(c => (JsonNode?)Category(c, "-1")).ToArray()));
            }
        });

        app.MapGet("/v2/{project_id}/quality/rule-templates", (HttpContext context) =>
        {
            var (limit, offset, error) = Paging(context);
            if (error != null) return error;
            if (!TryLongQuery(context, "category_id", out long? category, out error)) return error!;
            string? name = Query(context, "name");
            string? creator = Query(context, "creator");
            string? system = Query(context, "system_template");
            lock (state.Lock)
            {
                var list = RestData.For(context.Tenant()).Templates.Where(t =>
                    (category is null || t.CategoryId == category)
                    // [inf] name is a case-insensitive substring match, as the console's search box.
                    && (name is null || t.Name.Contains(name, StringComparison.OrdinalIgnoreCase))
                    && (creator is null || string.Equals(t.Creator, creator, StringComparison.Ordinal))
                    && (system is null || !string.Equals(system, "true", StringComparison.OrdinalIgnoreCase) || t.System)).ToList();
                return Results.Json(new JsonObject
                {
                    ["count"] = list.Count,
                    ["resources"] = new JsonArray(list.Skip(offset).Take(limit).Select(t => (JsonNode?)Template(t, idAsString: false, withAbnormal: true)).ToArray()),
                });
            }
        });

        app.MapGet("/v2/{project_id}/quality/rule-templates/{id}", (HttpContext context, string id) =>
        {
            lock (state.Lock)
            {
                var t = FindTemplate(context.Tenant(), id);
                if (t is null) return ApiErrors.Dqc(400, NotFound, $"The rule template {id} does not exist.");
                // ShowTemplatesDetail has no abnormal_table_template (§2.2).
                return Results.Json(Template(t, idAsString: false, withAbnormal: false));
            }
        });

        app.MapPost("/v2/{project_id}/quality/rule-templates", async (HttpContext context) =>
        {
            var body = Parse(await Body(context)) as JsonObject;
            if (body is null) return ApiErrors.Dqc(400, ApiErrors.BadBody, "The request body is not a JSON object.");
            lock (state.Lock)
            {
                var data = RestData.For(context.Tenant());
                var t = new EmulatedTemplate { Id = state.NextId(), CreateTime = EmulatorState.NowMs(), Creator = "dqc_user" };
                var problem = ApplyTemplate(t, body, data, requireAll: true);
                if (problem != null) return problem;
                data.Templates.Add(t);
                // The create/update examples return id as a string (§4.3 #3).
                return Results.Json(Template(t, idAsString: true, withAbnormal: true));
            }
        });

        app.MapPut("/v2/{project_id}/quality/rule-templates/{id}", async (HttpContext context, string id) =>
        {
            var body = Parse(await Body(context)) as JsonObject;
            if (body is null) return ApiErrors.Dqc(400, ApiErrors.BadBody, "The request body is not a JSON object.");
            lock (state.Lock)
            {
                var data = RestData.For(context.Tenant());
                var t = FindTemplate(context.Tenant(), id);
                if (t is null) return ApiErrors.Dqc(400, NotFound, $"The rule template {id} does not exist.");
                if (t.System) return ApiErrors.Dqc(400, SystemTemplate, $"The system template {id} cannot be changed.");
                var copy = new EmulatedTemplate { Id = t.Id, Name = t.Name, CategoryId = t.CategoryId, Dimension = t.Dimension, Type = t.Type, Sql = t.Sql, AbnormalSql = t.AbnormalSql, ResultDescription = t.ResultDescription, Description = t.Description, CreateTime = t.CreateTime, Creator = t.Creator };
                var problem = ApplyTemplate(copy, body, data, requireAll: false);
                if (problem != null) return problem;
                data.Templates[data.Templates.IndexOf(t)] = copy;
                return Results.Json(Template(copy, idAsString: true, withAbnormal: true));
            }
        });

        // BatchDeleteTemplates: {"ids":[...]} — a bare array is refused, as the other batch calls' shape does not fit.
        app.MapPost("/v2/{project_id}/quality/rule-templates/batch-delete", async (HttpContext context) =>
        {
            var body = Parse(await Body(context)) as JsonObject;
            var ids = body is null ? null : IdArray(body["ids"]);
            if (ids is null || ids.Count == 0)
                return ApiErrors.Dqc(400, ApiErrors.BadBody, "The body must be {\"ids\": [<template id>, ...]}.");
            lock (state.Lock)
            {
                var data = RestData.For(context.Tenant());
                foreach (long id in ids)
                {
                    var t = data.Templates.FirstOrDefault(x => x.Id == id);
                    if (t is null) return ApiErrors.Dqc(400, NotFound, $"The rule template {id} does not exist.");
                    if (t.System) return ApiErrors.Dqc(400, SystemTemplate, $"The system template {id} cannot be deleted.");
                }
                data.Templates.RemoveAll(t => ids.Contains(t.Id));
                // As the reference: the API page shows no body and BatchDeleteTemplatesResponse has no fields, so a
                // bare 200 with an empty body (no Content-Type).
                return Results.StatusCode(200);
            }
        });
    }

    private static EmulatedTemplate? FindTemplate(Tenant tenant, string id) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out long n) ? RestData.For(tenant).Templates.FirstOrDefault(t => t.Id == n) : null;

    private static IResult? ApplyTemplate(EmulatedTemplate t, JsonObject body, RestData data, bool requireAll)
    {
        string? name = body["name"]?.GetValue<string>();
        if (name != null) t.Name = name.Trim();
        if (string.IsNullOrEmpty(t.Name)) return ApiErrors.Dqc(400, BadField, "name is required.");
        if (data.Templates.Any(x => x.Id != t.Id && string.Equals(x.Name, t.Name, StringComparison.Ordinal)))
            return ApiErrors.Dqc(400, Duplicate, $"A rule template named '{t.Name}' exists.");
        if (body["dimension_id"] is JsonNode dim)
        {
            if (!JsonRead.TryInt(dim, out int d) || d < 1 || d > 6) return ApiErrors.Dqc(400, BadField, "dimension_id must be 1 to 6.");
            t.Dimension = Dimensions[d - 1];
        }
        else if (requireAll) return ApiErrors.Dqc(400, BadField, "dimension_id is required.");
        if (body["directory_id"] is JsonNode dir)
        {
            if (!JsonRead.TryId(dir, out long c)) return ApiErrors.Dqc(400, BadField, "directory_id must be a directory ID.");
            if (!data.Root.All().Any(x => x.Id == c)) return ApiErrors.Dqc(400, NotFound, $"The directory {c} does not exist.");
            t.CategoryId = c;
        }
        string? sql = body["sql_info"]?.GetValue<string>();
        if (sql != null) t.Sql = sql;
        if (string.IsNullOrEmpty(t.Sql)) return ApiErrors.Dqc(400, BadField, "sql_info is required.");
        // [inf] TemplateRO replaces the template: a field sent as null clears it, a field left out keeps its value.
        if (body.ContainsKey("result_description")) t.ResultDescription = body["result_description"]?.GetValue<string>();
        if (body.ContainsKey("description")) t.Description = body["description"]?.GetValue<string>();
        if (body.ContainsKey("abnormal_table_template")) t.AbnormalSql = body["abnormal_table_template"]?.GetValue<string>();
        if (body["user_define_version_name"] is JsonNode vn) t.VersionName = vn.GetValue<string>();
        if (body["publish"] is JsonNode pub) t.Published = pub.GetValue<bool>();
        // [inf] type derived from the SQL: Field when it names a column placeholder, Table otherwise.
        t.Type = t.Sql!.Contains("${Column", StringComparison.Ordinal) ? "Field" : "Table";
        return null;
    }

    internal static JsonObject Template(EmulatedTemplate t, bool idAsString, bool withAbnormal)
    {
        var o = new JsonObject
        {
            ["id"] = idAsString ? JsonValue.Create(t.Id.ToString(CultureInfo.InvariantCulture)) : Id(t.Id),
            ["name"] = t.Name,
            ["category_id"] = Id(t.CategoryId),
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

    private static JsonObject Category(EmulatedCategory c, string pid) => new()
    {
        ["name"] = c.Name,
        ["id"] = Id(c.Id),
        ["type"] = c.Type,
        ["pid"] = pid,
        ["sub_categories"] = new JsonArray(c.Children.Select(s => (JsonNode?)Category(s, c.Id.ToString(CultureInfo.InvariantCulture))).ToArray()),
    };
}

using System.Text;

namespace DataArtsQuality.Emulator.Endpoints;

/// <summary>
/// Import and export of rule templates, jobs and reports (docs/service-notes.md, Import and export): export, status,
/// download, upload, import.
/// </summary>
public static class ResourceEndpoints
{
    private static readonly Dictionary<string, string> ResourceTypes = new(StringComparer.Ordinal)
    {
        ["rule-template"] = "RULE_TEMPLATE",
        ["quality-task"] = "QUALITY_TASK",
        ["consistency-task"] = "CONSISTENCY_TASK",
        ["report"] = "REPORT",
    };

    public static void MapResourceEndpoints(this IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapPost("/v2/{project_id}/quality/resource/export",
            Task<IResult> (HttpContext context) => Export(context, state));
        app.MapGet("/v2/{project_id}/quality/resource/status/{resource_id}",
            (HttpContext context, string resource_id) => ShowStatus(context, state, resource_id));
        app.MapGet("/v2/{project_id}/quality/resource/download", (HttpContext context) => Download(context, state));
        app.MapPost("/v2/{project_id}/quality/resource/upload",
            Task<IResult> (HttpContext context) => Upload(context, state));
        app.MapPost("/v2/{project_id}/quality/resource/import",
            Task<IResult> (HttpContext context) => Import(context, state));
    }

    /// <summary>
    /// PostQualityResourceExport: {type, is_select_all, resources}. Unknown IDs do not fail the call: the task fails
    /// later with the reason in error_msg [inf], which is where the docs put failures.
    /// </summary>
    private static async Task<IResult> Export(HttpContext context, EmulatorState state)
    {
        var body = JsonRead.Object(await context.ReadBodyAsync());
        if (body is null) return ApiErrors.NotAnObject();
        string? type = JsonRead.String(body["type"]);
        if (type is null || !ResourceTypes.ContainsKey(type))
            return ApiErrors.InvalidField("type must be rule-template, quality-task, consistency-task or report.");
        bool all = JsonRead.Bool(body["is_select_all"]) == true;
        var ids = body["resources"] is null ? new List<long>() : JsonRead.IdArray(body["resources"]);
        if (ids is null) return ApiErrors.InvalidField("resources must be an array of IDs.");
        if (!all && ids.Count == 0 && type != "report")
            return ApiErrors.InvalidField("Give resources or is_select_all.");
        var tenant = context.Tenant();
        lock (state.Lock)
        {
            var task = NewTask(state, "EXPORT", type);
            task.FileName = $"{type}-{DateTimeOffset.UtcNow:yyyyMMddHHmmss}.{(type == "report" ? "csv" : "json")}";
            var items = new JsonArray();
            if (type == "rule-template")
            {
                foreach (var tpl in all
                    ? tenant.Templates.Where(x => !x.System).Select(x => (EmulatedTemplate?)x).ToList()
                    : ids.Select(id => tenant.Templates.FirstOrDefault(x => x.Id == id)
                        ?? Missing<EmulatedTemplate>(task, "rule template", id)).ToList())
                    if (tpl != null) items.Add(TemplateEndpoints.ToJson(tpl, idAsString: false, withAbnormal: true));
            }
            else if (type != "report")
            {
                var kind = type == "quality-task" ? JobKind.Quality : JobKind.Comparison;
                foreach (var job in all
                    ? tenant.Jobs.Where(j => j.Kind == kind).Select(j => (EmulatedJob?)j).ToList()
                    : ids.Select(id => tenant.FindJob(id, kind) ?? Missing<EmulatedJob>(task, kind.Noun(), id))
                        .ToList())
                {
                    if (job != null)
                    {
                        items.Add(new JsonObject
                        {
                            ["id"] = JsonValue.Create(job.Id), ["name"] = job.Name,
                            ["category_id"] = JsonValue.Create(job.CategoryId),
                        });
                    }
                }
            }
            if (type == "report")
            {
                var csv = new StringBuilder("data_connection_id,database_name,table_name,table_score\n");
                foreach (var r in tenant.Reports.TechnicalScores)
                {
                    csv.Append(CultureInfo.InvariantCulture,
                        $"{r.ConnectionId},{r.Database},{r.Table},{r.TableScore}\n");
                }
                task.Content = Encoding.UTF8.GetBytes(csv.ToString());
            }
            else
            {
                task.Content = Encoding.UTF8.GetBytes(
                    new JsonObject { ["dqc_export"] = type, ["items"] = items }.ToJsonString());
            }
            tenant.ResourceTasks[task.ResourceId] = task;
            return Results.Json(new JsonObject { ["resource_id"] = task.ResourceId });
        }
    }

    private static IResult ShowStatus(HttpContext context, EmulatorState state, string resource_id)
    {
        lock (state.Lock)
        {
            if (!context.Tenant().ResourceTasks.TryGetValue(resource_id, out var task))
                return ApiErrors.NoSuch("resource task", resource_id);
            Step(task);
            return Results.Json(new JsonObject
            {
                ["id"] = task.Id,
                ["resource_id"] = task.ResourceId,
                ["resource_type"] = ResourceTypes[task.WireType],
                // The docs say "REPORT indicates import" (docs/service-notes.md, Import and export); the emulator says
                // IMPORT [inf].
                ["action"] = task.Action,
                ["file_name"] = task.FileName,
                ["start_time"] = task.StartTime.ToString(CultureInfo.InvariantCulture),
                ["end_time"] = task.EndTime?.ToString(CultureInfo.InvariantCulture),
                ["status"] = task.Status,
                ["error_msg"] = task.ErrorMsg,
                ["project_id"] = state.Options.ProjectId,
                ["domain_id"] = "a4a5d4098fb4474fa22cd05f897d6b99",
                ["user_name"] = "dqc_user",
                ["export_resources"] = "",
                ["import_body"] = "",
                ["file_status"] = task.FileStatus,
            });
        }
    }

    private static IResult Download(HttpContext context, EmulatorState state)
    {
        string? id = context.Query("resource_id");
        if (id is null) return ApiErrors.InvalidField("resource_id is required.");
        lock (state.Lock)
        {
            if (!context.Tenant().ResourceTasks.TryGetValue(id, out var task) || task.Action != "EXPORT")
                return ApiErrors.NoSuch("export", id);
            if (task.WireType == "report" && context.Query("obs_type") is null)
                return ApiErrors.InvalidField("obs_type is required for a report export.");
            if (task.FileStatus != "GENERATED")
                return ApiErrors.InvalidField($"The file of export {id} is {task.FileStatus}.");
            // [inf] content type and file name: the docs only say "file stream".
            return Results.File(task.Content, "application/octet-stream", task.FileName);
        }
    }

    /// <summary>PostQualityResourceUpload: multipart/form-data, parts type and file.</summary>
    private static async Task<IResult> Upload(HttpContext context, EmulatorState state)
    {
        if (!context.Request.HasFormContentType)
        {
            return ApiErrors.Dqc(400, ApiErrors.BadBody,
                "The body must be multipart/form-data with the parts type and file.");
        }
        context.Request.Body.Position = 0;
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        string? type = form["type"].FirstOrDefault();
        var file = form.Files.GetFile("file");
        if (type is null || type == "report" || !ResourceTypes.ContainsKey(type))
            return ApiErrors.InvalidField("type must be rule-template, quality-task or consistency-task.");
        if (file is null) return ApiErrors.InvalidField("The file part is missing.");
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, context.RequestAborted);
        lock (state.Lock)
        {
            var tenant = context.Tenant();
            var task = NewTask(state, "IMPORT", type);
            task.FileName = file.FileName;
            task.Content = buffer.ToArray();
            task.Status = "UPLOADED";   // not a documented status: the import call starts it [inf]
            tenant.ResourceTasks[task.ResourceId] = task;
            var directories = new JsonArray();
            if (JsonRead.Node(Encoding.UTF8.GetString(task.Content)) is JsonObject export
                && export["items"] is JsonArray items)
            {
                var categoryIds = items.Select(i => i?["category_id"]?.ToJsonString()).Where(c => c != null).Distinct();
                foreach (var cat in categoryIds) directories.Add(CatalogEndpoints.CategoryName(tenant, cat!));
            }
            return Results.Json(new JsonObject
            {
                ["resource_id"] = task.ResourceId,
                ["topics"] = new JsonArray(),
                ["matched_topics"] = new JsonArray(),
                ["directories"] = directories,
                ["queues"] = new JsonArray(),
                ["connections"] = new JsonArray(),
            });
        }
    }

    /// <summary>PostQualityResourceImport: 204 without a body; the work shows in the status.</summary>
    private static async Task<IResult> Import(HttpContext context, EmulatorState state)
    {
        var body = JsonRead.Object(await context.ReadBodyAsync());
        if (body is null) return ApiErrors.NotAnObject();
        string? id = JsonRead.String(body["resource_id"]);
        string? type = JsonRead.String(body["type"]);
        string strategy = JsonRead.String(body["strategy"]) ?? "SKIP";
        if (strategy is not ("SKIP" or "OVERRIDE" or "TERMINATION"))
            return ApiErrors.InvalidField("strategy must be SKIP, OVERRIDE or TERMINATION.");
        var tenant = context.Tenant();
        lock (state.Lock)
        {
            if (id is null || !tenant.ResourceTasks.TryGetValue(id, out var task) || task.Action != "IMPORT")
                return ApiErrors.NoSuch("upload", id);
            if (type != task.WireType)
                return ApiErrors.InvalidField($"type {type} does not match the upload ({task.WireType}).");
            task.Status = "WAITING";
            task.OnComplete = () => RunImport(state, tenant, task, strategy);
            return Results.NoContent();
        }
    }

    private static ResourceTask NewTask(EmulatorState state, string action, string type) => new()
    {
        ResourceId = state.NextId().ToString(CultureInfo.InvariantCulture),
        Id = state.NextId().ToString(CultureInfo.InvariantCulture),
        Action = action,
        WireType = type,
        StartTime = EmulatorState.NowMs(),
    };

    /// <summary>Notes the first unknown ID of an export, which fails the task when it runs.</summary>
    private static T? Missing<T>(ResourceTask task, string what, long id) where T : class
    {
        task.FailWith ??= $"The {what} {id} does not exist.";
        return null;
    }

    /// <summary>
    /// One status read = one step: WAITING → RUNNING → SUCCESS (export: file PREPARING, then GENERATED on the next
    /// read).
    /// </summary>
    private static void Step(ResourceTask task)
    {
        task.Reads++;
        if (task.Status is "FAILED" or "UPLOADED") return;
        if (task.Status == "SUCCESS")
        {
            if (task.Action == "EXPORT") task.FileStatus = "GENERATED";
            return;
        }
        if (task.Reads == 1) { task.Status = "WAITING"; return; }
        if (task.Status == "WAITING") { task.Status = "RUNNING"; return; }
        string? failure = task.FailWith ?? task.OnComplete?.Invoke();
        task.EndTime = EmulatorState.NowMs();
        if (failure != null)
        {
            task.Status = "FAILED";
            task.FileStatus = task.Action == "EXPORT" ? "FAILED" : task.FileStatus;
            task.ErrorMsg = failure;
        }
        else task.Status = "SUCCESS";
    }

    /// <summary>
    /// Applies an uploaded export when its import task completes; an error message fails the task instead.
    /// </summary>
    private static string? RunImport(EmulatorState state, Tenant tenant, ResourceTask task, string strategy)
    {
        if (JsonRead.Node(Encoding.UTF8.GetString(task.Content)) is not JsonObject export
            || export["dqc_export"]?.GetValue<string>() != task.WireType
            || export["items"] is not JsonArray items)
            return $"The file {task.FileName} is not a DQC {task.WireType} export.";
        if (task.WireType == "rule-template")
        {
            var incoming = items.OfType<JsonObject>().ToList();
            if (strategy == "TERMINATION")
                foreach (var item in incoming)
                    if (tenant.Templates.Any(t => t.Name == item["name"]?.GetValue<string>()))
                        return $"The rule template '{item["name"]}' exists; import terminated.";
            foreach (var item in incoming)
            {
                string name = item["name"]?.GetValue<string>() ?? "";
                var existing = tenant.Templates.FirstOrDefault(t => t.Name == name);
                if (existing != null && strategy == "SKIP") continue;
                var target = existing ?? new EmulatedTemplate
                {
                    Id = state.NextId(), Name = name, CreateTime = EmulatorState.NowMs(), Creator = "dqc_user",
                };
                target.Dimension = item["dimension"]?.GetValue<string>() ?? target.Dimension;
                target.Sql = item["sql_info"]?.GetValue<string>();
                target.ResultDescription = item["result_description"]?.GetValue<string>();
                target.AbnormalSql = item["abnormal_table_template"]?.GetValue<string>();
                target.Type = item["type"]?.GetValue<string>() ?? target.Type;
                if (existing is null) tenant.Templates.Add(target);
            }
        }
        else
        {
            var kind = task.WireType == "quality-task" ? JobKind.Quality : JobKind.Comparison;
            foreach (var item in items.OfType<JsonObject>())
            {
                string name = item["name"]?.GetValue<string>() ?? "";
                if (tenant.Jobs.Any(j => j.Kind == kind && j.Name == name))
                {
                    if (strategy == "TERMINATION") return $"The job '{name}' exists; import terminated.";
                    continue;
                }
                var job = new EmulatedJob
                {
                    Id = state.NextId(), Kind = kind, Name = name, CreateTime = EmulatorState.NowMs(),
                    Creator = "dqc_user",
                };
                tenant.AddJob(job);
            }
        }
        task.Imported = true;
        return null;
    }
}

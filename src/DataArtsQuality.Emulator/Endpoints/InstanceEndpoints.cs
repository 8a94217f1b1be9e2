namespace DataArtsQuality.Emulator.Endpoints;

/// <summary>
/// Task instances (docs/service-notes.md, Instances and reruns): rerun a job, the instance list and results, batch
/// stop, and the handling record written to an instance.
/// </summary>
public static class InstanceEndpoints
{
    private static readonly HashSet<string> RunStatuses = new(StringComparer.Ordinal)
        { "RUNNING", "FAILED", "ALARMING", "SUCCESS", "SUSPENDING", "UNKNOWN" };
    private static readonly HashSet<string> NotifyStatuses =
        new(StringComparer.Ordinal) { "NOT_TRIGGERED", "SUCCESS", "FAILED" };

    public static void MapInstanceEndpoints(this IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapPost("/v2/{project_id}/quality/instances/restart",
            Task<IResult> (HttpContext context) => RestartJob(context, state));
        app.MapGet("/v2/{project_id}/quality/instances", (HttpContext context) => ListInstances(context, state));
        app.MapGet("/v2/{project_id}/quality/instances/{instance_id}/result",
            (HttpContext context, string instance_id) => ShowResult(context, state, instance_id));
        app.MapPost("/v2/{project_id}/quality/instances/batch-stop",
            Task<IResult> (HttpContext context) => StopInstances(context, state));
        app.MapPut("/v2/{project_id}/quality/instances/{instance_id}",
            Task<IResult> (HttpContext context, string instance_id) => RecordHandling(context, state, instance_id));
    }

    /// <summary>
    /// ReStartTask: body {"rule_type": 1|2, "rule_id": "&lt;job id&gt;"}; 200 {"instance_id": "&lt;id as string&gt;"}.
    /// </summary>
    private static async Task<IResult> RestartJob(HttpContext context, EmulatorState state)
    {
        var json = JsonRead.Object(await context.ReadBodyAsync());
        if (json is null) return ApiErrors.NotAnObject();
        if (!JsonRead.TryInt(json["rule_type"], out int ruleType) || (ruleType != 1 && ruleType != 2))
        {
            return ApiErrors.Dqc(400, ApiErrors.BadRuleType,
                "rule_type must be 1 (quality job) or 2 (comparison job).");
        }
        if (!JsonRead.TryId(json["rule_id"], out long ruleId))
            return ApiErrors.Dqc(400, ApiErrors.BadId, "rule_id must be a job ID.");

        var tenant = context.Tenant();
        lock (state.Lock)
        {
            var job = tenant.FindJob(ruleId, (JobKind)ruleType);
            if (job is null) return ApiErrors.NoSuchJob((JobKind)ruleType, ruleId);
            var instance = state.StartRun(tenant, job);
            return Results.Json(
                new JsonObject { ["instance_id"] = instance.Id.ToString(CultureInfo.InvariantCulture) });
        }
    }

    private static IResult ListInstances(HttpContext context, EmulatorState state)
    {
        var q = context.Request.Query;
        var (paging, pagingError) = Paging.Capped(q);
        if (pagingError != null) return pagingError;
        string? name = q["name"].FirstOrDefault();
        string? taskType = q["task_type"].FirstOrDefault();
        JobKind? kind = taskType switch
        {
            null => null,
            "QUALITY_TASK" => JobKind.Quality,
            "CONSISTENCY_TASK" => JobKind.Comparison,
            _ => (JobKind)0,
        };
        if (kind == (JobKind)0)
            return ApiErrors.Dqc(400, ApiErrors.BadQuery, "task_type must be QUALITY_TASK or CONSISTENCY_TASK.");
        if (!q.TryListChoice("run_status", RunStatuses, out string? runStatus, out var e1)) return e1!;
        if (!q.TryListChoice("notify_status", NotifyStatuses, out string? notifyStatus, out var e2)) return e2!;
        if (!q.TryListFilter("start_time", out long? from, out var e3)) return e3!;
        if (!q.TryListFilter("end_time", out long? to, out var e4)) return e4!;

        var tenant = context.Tenant();
        lock (state.Lock)
        {
            state.Advance(tenant);
            // Newest first, as in the documented example [ex].
            var matching = NewestFirst(tenant.Instances).Where(i =>
                (kind == null || i.Kind == kind)
                && (runStatus == null || i.RunStatus == runStatus)
                && (notifyStatus == null || i.NotifyStatus == notifyStatus)
                && (from == null || i.StartTime >= from)
                && (to == null || i.StartTime <= to)
                && (name == null || i.Name.Contains(name, StringComparison.OrdinalIgnoreCase)));   // [inf] fuzzy
            return paging.Answer(matching, InstanceJson);
        }
    }

    private static IEnumerable<EmulatedInstance> NewestFirst(List<EmulatedInstance> instances)
    {
        for (int i = instances.Count - 1; i >= 0; i--) yield return instances[i];
    }

    private static IResult ShowResult(HttpContext context, EmulatorState state, string instanceId)
    {
        var (paging, pagingError) = Paging.Capped(context.Request.Query);
        if (pagingError != null) return pagingError;
        if (!RequestInput.TryPathId(instanceId, out long id))
            return ApiErrors.Dqc(400, ApiErrors.BadId, $"'{instanceId}' is not an instance ID.");
        var tenant = context.Tenant();
        lock (state.Lock)
        {
            state.Advance(tenant);
            if (!tenant.InstancesById.TryGetValue(id, out var instance))
            {
                return ApiErrors.Dqc(400, ApiErrors.InstanceNotFound,
                    $"The instance {instanceId} does not exist."); // [inf]
            }
            tenant.JobsById.TryGetValue(instance.TaskId, out var job);
            var rules = job is null ? new List<SubRule>() : SubRule.Of(job);
            var page = new JsonArray();
            for (int k = (int)Math.Min(paging.Offset, rules.Count); k < rules.Count && page.Count < paging.Limit; k++)
            {
                var rule = rules[k];
                bool running = instance.RunStatus == "RUNNING";
                // [inf] a running instance has its sub-instances but no result rows yet.
                var rows = new JsonArray();
                if (!running)
                {
                    bool failedRule = instance.RunStatus != "SUCCESS" && k == 0;
                    rows.Add(new JsonObject
                    {
                        ["Total Rows"] = (1000 + (instance.Id % 9000) + k).ToString(CultureInfo.InvariantCulture),
                        ["Status"] = failedRule ? "false" : "true",
                        ["Name"] = rule.Table,
                    });
                }
                page.Add(new JsonObject
                {
                    ["sub_rule_id"] = rule.Id.ToString(CultureInfo.InvariantCulture),
                    ["sub_instance_instance_id"] = (instance.Id + 1 + k).ToString(CultureInfo.InvariantCulture),
                    ["abnormal_table_status"] = running ? "RUNNING" : "UNSUPPORTED",
                    ["results"] = rows,
                });
            }
            return Results.Json(new JsonObject { ["count"] = rules.Count, ["resources"] = page });
        }
    }

    /// <summary>
    /// BatchStopQualityInstances: a bare array. Any instance that is not RUNNING → 406 and none stopped [inf].
    /// A stopped instance becomes FAILED [inf]: the docs have no STOPPED run_status (docs/service-notes.md,
    /// Enumerations).
    /// </summary>
    private static async Task<IResult> StopInstances(HttpContext context, EmulatorState state)
    {
        var ids = await context.ReadIdArrayAsync();
        if (ids is null) return ApiErrors.Dqc(400, ApiErrors.BadBody, "The body must be a JSON array of instance IDs.");
        var tenant = context.Tenant();
        lock (state.Lock)
        {
            state.Advance(tenant);
            foreach (long id in ids)
                if (!tenant.InstancesById.ContainsKey(id))
                    return ApiErrors.NoSuch("instance", id);
            var notRunning = ids.Where(id => tenant.InstancesById[id].RunStatus != "RUNNING").Distinct().ToList();
            if (notRunning.Count > 0)
                return Results.Json(new JsonObject
                {
                    ["error_code"] = ApiErrors.NotStoppable,
                    ["error_msg"] =
                        $"The instance(s) {string.Join(", ", notRunning)} are not running and cannot be stopped.",
                    ["data"] = new JsonArray(notRunning
                        .Select(i => (JsonNode?)JsonValue.Create(i.ToString(CultureInfo.InvariantCulture)))
                        .ToArray()),
                }, statusCode: 406);
            foreach (long id in ids) Stop(tenant.InstancesById[id]);
            return RequestInput.Success();
        }
    }

    /// <summary>
    /// UpdateQualityInstanceRecord. cancel_run: false = cancel (documented polarity); absent = do not cancel [inf].
    /// </summary>
    private static async Task<IResult> RecordHandling(HttpContext context, EmulatorState state, string instanceId)
    {
        string text = await context.ReadBodyAsync();
        var body = JsonRead.Object(text);
        if (body is null) return ApiErrors.NotAnObject();
        if (!RequestInput.TryPathId(instanceId, out long id))
            return ApiErrors.Dqc(400, ApiErrors.BadId, "instance_id must be an instance ID.");
        var tenant = context.Tenant();
        lock (state.Lock)
        {
            state.Advance(tenant);
            if (!tenant.InstancesById.TryGetValue(id, out var instance)) return ApiErrors.NoSuch("instance", id);
            bool cancel = JsonRead.Bool(body["cancel_run"]) == false;
            bool open = JsonRead.Bool(body["open"]) != false;
            string? op = JsonRead.String(body["operator"]);
            tenant.InstanceRecords.Add((id, text));
            string done = !open ? "closed" : op != null ? $"handed over to {op}" : "commented";
            if (cancel && instance.RunStatus == "RUNNING")
            {
                Stop(instance);
                done += ", run cancelled";
            }
            return Results.Json(new JsonObject { ["data"] = $"Instance {id} {done}." });
        }
    }

    private static void Stop(EmulatedInstance instance)
    {
        instance.RunStatus = "FAILED";
        instance.EndTime = EmulatorState.NowMs();
        instance.NotifyStatus = "NOT_TRIGGERED";
    }

    private static JsonObject InstanceJson(EmulatedInstance i) => new()
    {
        ["id"] = i.Id,
        ["name"] = i.Name,
        ["task_id"] = i.TaskId,
        ["task_type"] = i.Kind.TaskType(),
        ["run_status"] = i.RunStatus,
        ["notify_status"] = i.NotifyStatus,
        ["start_time"] = i.StartTime,
        ["end_time"] = i.EndTime,
    };
}

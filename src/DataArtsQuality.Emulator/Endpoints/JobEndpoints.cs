using System.Globalization;
using System.Text.Json.Nodes;
using DataArtsQuality.Emulator.Gateway;
using DataArtsQuality.Emulator.State;

namespace DataArtsQuality.Emulator.Endpoints;

/// <summary>
/// Job lists and details (dqc-api.md §2.3, §2.4), the instance list and instance results (§2.5). Lists filter, then
/// slice [offset, offset+limit) with offset a record offset, and report the filtered total as count.
/// </summary>
public static class ListEndpoints
{
    public const string BadQuery = "DQC.4005";
    public const string InstanceNotFound = "DQC.4006";

    private static readonly HashSet<string> ScheduleStatuses = new(StringComparer.Ordinal)
        { "UNKNOWN", "NOT_START", "SCHEDULING", "FINISH_SUCCESS", "KILL", "RUNNING_EXCEPTION" };
    private static readonly HashSet<string> RunStatuses = new(StringComparer.Ordinal)
        { "RUNNING", "FAILED", "ALARMING", "SUCCESS", "SUSPENDING", "UNKNOWN" };
    private static readonly HashSet<string> NotifyStatuses = new(StringComparer.Ordinal) { "NOT_TRIGGERED", "SUCCESS", "FAILED" };

    public static void MapListEndpoints(this IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapGet("/v2/{project_id}/quality/quality-tasks", (HttpContext context) => ListJobs(context, state, JobKind.Quality));
        app.MapGet("/v2/{project_id}/quality/consistency-tasks", (HttpContext context) => ListJobs(context, state, JobKind.Comparison));
        app.MapGet("/v2/{project_id}/quality/quality-tasks/{id}", (HttpContext context, string id) => JobDetail(context, state, JobKind.Quality, id));
        app.MapGet("/v2/{project_id}/quality/consistency-tasks/{id}", (HttpContext context, string id) => JobDetail(context, state, JobKind.Comparison, id));
        app.MapGet("/v2/{project_id}/quality/instances", (HttpContext context) => ListInstances(context, state));
        app.MapGet("/v2/{project_id}/quality/instances/{instance_id}/result", (HttpContext context, string instance_id) => InstanceResult(context, state, instance_id));
    }

    private static IResult ListJobs(HttpContext context, EmulatorState state, JobKind kind)
    {
        var q = context.Request.Query;
        if (Paging(q, out long offset, out int limit) is { } pagingError) return pagingError;
        string? name = q["name"].FirstOrDefault();
        string? creator = q["creator"].FirstOrDefault();
        string? status = q["schedule_status"].FirstOrDefault();
        if (status != null && !ScheduleStatuses.Contains(status))
            return ApiErrors.Dqc(400, BadQuery, $"schedule_status must be one of {string.Join(", ", ScheduleStatuses)}.");
        if (!OptionalLong(q, "category_id", out long? category, out var e1)) return e1!;
        if (!OptionalLong(q, "start_time", out long? from, out var e2)) return e2!;
        if (!OptionalLong(q, "end_time", out long? to, out var e3)) return e3!;

        var tenant = context.Tenant();
        lock (state.Lock)
        {
            var matching = tenant.Jobs.Where(j => j.Kind == kind
                && (name == null || j.Name.Contains(name, StringComparison.OrdinalIgnoreCase))   // [inf] fuzzy, as the console
                && (creator == null || j.Creator == creator)                                      // [inf] exact
                && (status == null || j.ScheduleStatus == status)
                && (category == null || j.CategoryId == category)
                // [inf] the window is on last_run_time; a job that never ran is outside any window.
                && (from == null || (j.LastRunTime.HasValue && j.LastRunTime >= from))
                && (to == null || (j.LastRunTime.HasValue && j.LastRunTime <= to)));
            int count = 0;
            var page = new JsonArray();
            foreach (var job in matching)
            {
                if (count >= offset && page.Count < limit) page.Add(JobOverview(job));
                count++;
            }
            return Results.Json(new JsonObject { ["count"] = count, ["resources"] = page });
        }
    }

    private static IResult JobDetail(HttpContext context, EmulatorState state, JobKind kind, string id)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out long jobId))
            return ApiErrors.Dqc(400, ApiErrors.BadId, $"'{id}' is not a job ID.");
        var tenant = context.Tenant();
        lock (state.Lock)
        {
            if (!tenant.JobsById.TryGetValue(jobId, out var job) || job.Kind != kind)
            {
                // [inf] the docs list no 404 for DQC; a missing job is a 400 with an error body.
                string what = kind == JobKind.Quality ? "quality job" : "comparison job";
                return ApiErrors.Dqc(400, ApiErrors.JobNotFound, $"The {what} {id} does not exist.");
            }
            var detail = JobOverview(job);
            detail.Remove("schedule_status");
            detail["description"] = $"Emulated {job.Name}";
            detail["level"] = job.Level;
            detail["alarm_condition"] = null;
            detail["alarm_notify"] = false;
            detail["alarm_notify_type"] = null;
            detail["alarm_notify_topic"] = null;
            detail["schedule_type"] = job.SchedulePeriod == null ? "ONCE" : "PERIODIC";
            detail["schedule_start_time"] = null;
            detail["schedule_end_time"] = null;
            if (kind == JobKind.Quality)
            {
                detail["schedule_start_date"] = null;
                detail["schedule_end_date"] = null;
                detail["schedule_cron"] = "";
            }
            var rules = SubRules(job);
            if (kind == JobKind.Comparison && state.Options.NestedSubRules)
            {
                // The SDKs' shape: one inner array per comparison pair.
                var groups = new JsonArray();
                for (int i = 0; i < rules.Count; i += 2)
                    groups.Add(new JsonArray(rules.Skip(i).Take(2).Select(r => (JsonNode?)SubRuleJson(r, kind)).ToArray()));
                detail["sub_rules"] = groups;
            }
            else
            {
                detail["sub_rules"] = new JsonArray(rules.Select(r => (JsonNode?)SubRuleJson(r, kind)).ToArray());
            }
            return Results.Json(detail);
        }
    }

    private static IResult ListInstances(HttpContext context, EmulatorState state)
    {
        var q = context.Request.Query;
        if (Paging(q, out long offset, out int limit) is { } pagingError) return pagingError;
        string? name = q["name"].FirstOrDefault();
        string? taskType = q["task_type"].FirstOrDefault();
        string? runStatus = q["run_status"].FirstOrDefault();
        string? notifyStatus = q["notify_status"].FirstOrDefault();
        JobKind? kind = taskType switch
        {
            null => null,
            "QUALITY_TASK" => JobKind.Quality,
            "CONSISTENCY_TASK" => JobKind.Comparison,
            _ => (JobKind)0,
        };
        if (kind == (JobKind)0) return ApiErrors.Dqc(400, BadQuery, "task_type must be QUALITY_TASK or CONSISTENCY_TASK.");
        if (runStatus != null && !RunStatuses.Contains(runStatus))
            return ApiErrors.Dqc(400, BadQuery, $"run_status must be one of {string.Join(", ", RunStatuses)}.");
        if (notifyStatus != null && !NotifyStatuses.Contains(notifyStatus))
            return ApiErrors.Dqc(400, BadQuery, $"notify_status must be one of {string.Join(", ", NotifyStatuses)}.");
        if (!OptionalLong(q, "start_time", out long? from, out var e1)) return e1!;
        if (!OptionalLong(q, "end_time", out long? to, out var e2)) return e2!;

        var tenant = context.Tenant();
        lock (state.Lock)
        {
            state.Advance(tenant);
            int count = 0;
            var page = new JsonArray();
            // Newest first, as in the documented example [ex].
            for (int i = tenant.Instances.Count - 1; i >= 0; i--)
            {
                var instance = tenant.Instances[i];
                if (kind != null && instance.Kind != kind) continue;
                if (runStatus != null && instance.RunStatus != runStatus) continue;
                if (notifyStatus != null && instance.NotifyStatus != notifyStatus) continue;
                if (from != null && instance.StartTime < from) continue;
                if (to != null && instance.StartTime > to) continue;
                if (name != null && !instance.Name.Contains(name, StringComparison.OrdinalIgnoreCase)) continue;   // [inf] fuzzy
                if (count >= offset && page.Count < limit) page.Add(InstanceJson(instance));
                count++;
            }
            return Results.Json(new JsonObject { ["count"] = count, ["resources"] = page });
        }
    }

    private static IResult InstanceResult(HttpContext context, EmulatorState state, string instanceId)
    {
        var q = context.Request.Query;
        if (Paging(q, out long offset, out int limit) is { } pagingError) return pagingError;
        if (!long.TryParse(instanceId, NumberStyles.None, CultureInfo.InvariantCulture, out long id))
            return ApiErrors.Dqc(400, ApiErrors.BadId, $"'{instanceId}' is not an instance ID.");
        var tenant = context.Tenant();
        lock (state.Lock)
        {
            state.Advance(tenant);
            if (!tenant.InstancesById.TryGetValue(id, out var instance))
                return ApiErrors.Dqc(400, InstanceNotFound, $"The instance {instanceId} does not exist.");   // [inf]
            tenant.JobsById.TryGetValue(instance.TaskId, out var job);
            var rules = job is null ? new List<SubRule>() : SubRules(job);
            var page = new JsonArray();
            for (int k = (int)Math.Min(offset, rules.Count); k < rules.Count && page.Count < limit; k++)
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
    /// limit: default 10 (older docs), at most 100 — larger values are capped to 100 [inf: the docs say "max 100"
    /// without saying whether the service refuses or clamps]; offset: a record offset, default 0.
    /// </summary>
    private static IResult? Paging(IQueryCollection q, out long offset, out int limit)
    {
        offset = 0;
        limit = 10;
        string? rawLimit = q["limit"].FirstOrDefault();
        string? rawOffset = q["offset"].FirstOrDefault();
        if (rawLimit != null)
        {
            if (!long.TryParse(rawLimit, NumberStyles.None, CultureInfo.InvariantCulture, out long l))
                return ApiErrors.Dqc(400, BadQuery, "limit must be a non-negative integer.");
            limit = (int)Math.Min(l, 100);
        }
        if (rawOffset != null && !long.TryParse(rawOffset, NumberStyles.None, CultureInfo.InvariantCulture, out offset))
            return ApiErrors.Dqc(400, BadQuery, "offset must be a non-negative integer.");
        return null;
    }

    private static bool OptionalLong(IQueryCollection q, string key, out long? value, out IResult? error)
    {
        value = null;
        error = null;
        string? raw = q[key].FirstOrDefault();
        if (raw == null) return true;
        if (!long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out long v))
        {
            error = ApiErrors.Dqc(400, BadQuery, $"{key} must be an integer{(key.EndsWith("_time", StringComparison.Ordinal) ? " (ms since the epoch)" : "")}.");
            return false;
        }
        value = v;
        return true;
    }

    private static JsonObject JobOverview(EmulatedJob job) => new()
    {
        ["id"] = job.Id,   // Long: an exact JSON number
        ["name"] = job.Name,
        ["category_id"] = job.CategoryId,
        ["schedule_status"] = job.ScheduleStatus,
        ["schedule_period"] = job.SchedulePeriod,
        ["schedule_interval"] = job.ScheduleInterval,
        ["create_time"] = job.CreateTime,
        ["last_run_time"] = job.LastRunTime,
        ["creator"] = job.Creator,
    };

    private static JsonObject InstanceJson(EmulatedInstance i) => new()
    {
        ["id"] = i.Id,
        ["name"] = i.Name,
        ["task_id"] = i.TaskId,
        ["task_type"] = i.Kind == JobKind.Quality ? "QUALITY_TASK" : "CONSISTENCY_TASK",
        ["run_status"] = i.RunStatus,
        ["notify_status"] = i.NotifyStatus,
        ["start_time"] = i.StartTime,
        ["end_time"] = i.EndTime,
    };

    private sealed record SubRule(long Id, string Name, string Type, string Table, string Column, string Dimension);

    /// <summary>
    /// A job's sub-rules, derived from the job so that nothing is stored per job (100,000 jobs start fast): quality
    /// jobs have 1 to 3, comparison jobs 2 or 4 (one source and one target side per pair).
    /// </summary>
    private static List<SubRule> SubRules(EmulatedJob job)
    {
        int n = job.Kind == JobKind.Quality ? 1 + (int)(job.Id % 3) : 2 * (1 + (int)(job.Id % 2));
        var list = new List<SubRule>(n);
        string[] dims = { "Completeness", "Uniqueness", "Timeliness", "Validity", "Accuracy", "Consistency" };
        string subject = job.Name.Split('_').ElementAtOrDefault(1) ?? "table";
        for (int k = 0; k < n; k++)
        {
            string side = job.Kind == JobKind.Comparison ? (k % 2 == 0 ? "src" : "dst") : "dw";
            list.Add(new SubRule(
                (job.Id ^ (1L << 56)) + 7 * k + 3,
                $"{job.Name}_rule{k}",
                job.Kind == JobKind.Comparison ? "SingleTable" : k == 0 ? "SingleTable" : "SingleColumn",
                $"{side}_db.{subject}",
                k == 0 ? "" : $"{subject}_id",
                dims[(int)((job.Id + k) % dims.Length)]));
        }
        return list;
    }

    private static JsonObject SubRuleJson(SubRule r, JobKind kind)
    {
        var json = new JsonObject
        {
            ["id"] = r.Id,
            ["sub_rule_name"] = r.Name,
            ["type"] = r.Type,
            ["template_id"] = 1,
            ["connection"] = "43b9e6315eda4918970cfcbbbfb74cb1",
            ["connection_type"] = "DWS",
            ["databases"] = r.Table.Split('.')[0],
            ["sql"] = $"select count(1) from {r.Table} where 1=1",
            ["tables"] = r.Table,
            ["reference_tables"] = null,
            ["columns"] = r.Column,
            ["reference_columns"] = null,
            ["dimension"] = r.Dimension,
            ["queue"] = "dlf_default",
            ["regular_expression"] = null,
            ["template_arguments"] = "",
            ["weight"] = 5,
            ["calculation_range"] = "FULL_SCAN",
            ["calculation_range_sql"] = null,
            ["alarm_condition"] = kind == JobKind.Comparison ? "${1_1}>${2_1}" : "${1}<0",
        };
        // QualityTaskRuleDetailForOpenApi has 36 fields, ConsistencyRuleDetailForOpenApi 20 (all also in the quality
        // model): the quality-only ones go on quality sub-rules only. The values are plausible, not documented [inf].
        if (kind == JobKind.Quality)
        {
            json["ignore_error"] = false;
            json["export_abnormal_table"] = true;
            json["abnormal_table_database"] = "dqc_abnormal";
            json["abnormal_table_schema"] = "public";
            json["abnormal_table"] = r.Table;
            json["abnormal_table_prefix"] = "abn_";
            json["abnormal_table_suffix"] = "_err";
            json["abnormal_table_columns"] = r.Column;
            json["abnormal_table_sql"] = $"select * from {r.Table} where {r.Column} is null";
            json["abnormal_table_out_config"] = true;
            json["abnormal_table_include_null_value"] = false;
            json["abnormal_table_out_data_number"] = 0;
            json["score_switch"] = false;
            json["score_schema"] = null;
            json["score_table"] = null;
            json["score_expression"] = null;
        }
        return json;
    }
}

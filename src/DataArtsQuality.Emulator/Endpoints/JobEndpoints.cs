namespace DataArtsQuality.Emulator.Endpoints;

/// <summary>
/// Quality and comparison jobs (docs/service-notes.md, Quality and comparison jobs): the v2 lists and details, the v1
/// quality job list, batch delete and the schedule switch. Lists filter, then slice [offset, offset+limit) with offset
/// a record offset, and report the filtered total as count.
/// </summary>
public static class JobEndpoints
{
    /// <summary>The v2 lists' schedule_status filter also takes UNKNOWN.</summary>
    private static readonly HashSet<string> ScheduleStatusFilter =
        new(["UNKNOWN", .. DqcValues.ScheduleStatuses], StringComparer.Ordinal);

    /// <summary>The v1 list's result_status filter numbers these from 0 [inf].</summary>
    private static readonly string[] V1ResultStatuses = { "RUNNING", "FAILED", "ALARMING", "SUCCESS" };

    /// <summary>v1 times carry the service's zone, UTC+8 in the docs' examples.</summary>
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static void MapJobEndpoints(this IEndpointRouteBuilder app, EmulatorState state)
    {
        foreach (var kind in new[] { JobKind.Quality, JobKind.Comparison })
        {
            string path = kind == JobKind.Quality ? "quality-tasks" : "consistency-tasks";
            app.MapGet($"/v2/{{project_id}}/quality/{path}", (HttpContext context) => ListJobs(context, state, kind));
            app.MapGet($"/v2/{{project_id}}/quality/{path}/{{id}}",
                (HttpContext context, string id) => ShowJob(context, state, kind, id));
            app.MapPost($"/v2/{{project_id}}/quality/{path}/batch-delete",
                Task<IResult> (HttpContext context) => DeleteJobs(context, state, kind));
        }
        app.MapPost("/v2/{project_id}/quality/quality-tasks/action",
            Task<IResult> (HttpContext context) => SwitchSchedule(context, state));
        app.MapGet("/v1/{project_id}/quality/rules", (HttpContext context) => ListQualityJobsV1(context, state));
    }

    private static IResult ListJobs(HttpContext context, EmulatorState state, JobKind kind)
    {
        var q = context.Request.Query;
        var (paging, pagingError) = Paging.Capped(q);
        if (pagingError != null) return pagingError;
        string? name = q["name"].FirstOrDefault();
        string? creator = q["creator"].FirstOrDefault();
        if (!q.TryListChoice("schedule_status", ScheduleStatusFilter, out string? status, out var e1)) return e1!;
        if (!q.TryListFilter("category_id", out long? category, out var e2)) return e2!;
        if (!q.TryListFilter("start_time", out long? from, out var e3)) return e3!;
        if (!q.TryListFilter("end_time", out long? to, out var e4)) return e4!;

        var tenant = context.Tenant();
        lock (state.Lock)
        {
            var matching = tenant.Jobs.Where(j => j.Kind == kind
                // [inf] fuzzy, as the console
                && (name == null || j.Name.Contains(name, StringComparison.OrdinalIgnoreCase))
                // [inf] exact
                && (creator == null || j.Creator == creator)
                && (status == null || j.ScheduleStatus == status)
                && (category == null || j.CategoryId == category)
                // [inf] the window is on last_run_time; a job that never ran is outside any window.
                && (from == null || (j.LastRunTime.HasValue && j.LastRunTime >= from))
                && (to == null || (j.LastRunTime.HasValue && j.LastRunTime <= to)));
            return paging.Answer(matching, JobOverview);
        }
    }

    private static IResult ShowJob(HttpContext context, EmulatorState state, JobKind kind, string id)
    {
        if (!RequestInput.TryPathId(id, out long jobId))
            return ApiErrors.Dqc(400, ApiErrors.BadId, $"'{id}' is not a job ID.");
        var tenant = context.Tenant();
        lock (state.Lock)
        {
            var job = tenant.FindJob(jobId, kind);
            if (job is null) return ApiErrors.NoSuchJob(kind, id);
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
            var rules = SubRule.Of(job);
            if (kind == JobKind.Comparison && state.Options.NestedSubRules)
            {
                // The SDKs' shape: one inner array per comparison pair.
                var groups = new JsonArray();
                for (int i = 0; i < rules.Count; i += 2)
                {
                    groups.Add(new JsonArray(
                        rules.Skip(i).Take(2).Select(r => (JsonNode?)SubRuleJson(r, kind)).ToArray()));
                }
                detail["sub_rules"] = groups;
            }
            else
            {
                detail["sub_rules"] = new JsonArray(rules.Select(r => (JsonNode?)SubRuleJson(r, kind)).ToArray());
            }
            return Results.Json(detail);
        }
    }

    /// <summary>Batch delete: a bare array of IDs. Unknown IDs → 400 and nothing deleted [inf: undocumented].</summary>
    private static async Task<IResult> DeleteJobs(HttpContext context, EmulatorState state, JobKind kind)
    {
        var ids = await context.ReadIdArrayAsync();
        if (ids is null) return ApiErrors.Dqc(400, ApiErrors.BadBody, "The body must be a JSON array of job IDs.");
        var tenant = context.Tenant();
        lock (state.Lock)
        {
            foreach (long id in ids)
                if (tenant.FindJob(id, kind) is null) return ApiErrors.NoSuchJob(kind, id);
            foreach (long id in ids.Distinct()) tenant.RemoveJob(id);
            return RequestInput.Success();
        }
    }

    /// <summary>
    /// OperationQualityTaskSchedule: start → SCHEDULING, stop → KILL (docs/service-notes.md, Quality and comparison
    /// jobs); quality jobs only.
    /// </summary>
    private static async Task<IResult> SwitchSchedule(HttpContext context, EmulatorState state)
    {
        var body = JsonRead.Object(await context.ReadBodyAsync());
        if (body is null) return ApiErrors.NotAnObject();
        string? action = JsonRead.String(body["action"]);
        if (action != "start" && action != "stop") return ApiErrors.InvalidField("action must be start or stop.");
        if (!JsonRead.TryId(body["rule_id"], out long id))
            return ApiErrors.Dqc(400, ApiErrors.BadId, "rule_id must be a job ID.");
        var tenant = context.Tenant();
        lock (state.Lock)
        {
            var job = tenant.FindJob(id, JobKind.Quality);
            if (job is null) return ApiErrors.NoSuchJob(JobKind.Quality, id);
            job.ScheduleStatus = action == "start" ? "SCHEDULING" : "KILL";
            string message = action == "start" ? "The job schedule is started." : "The job schedule is stopped.";
            return Results.Json(new JsonObject { ["message"] = message });
        }
    }

    /// <summary>
    /// ListQualityTaskLists (v1): envelope {error_code, error_msg, data:{num, page_search_result}}, string IDs, ISO
    /// times.
    /// </summary>
    private static IResult ListQualityJobsV1(HttpContext context, EmulatorState state)
    {
        var q = context.Request.Query;
        int limit = 10;
        long offset = 0;
        if (q.ContainsKey("offset") && q.ContainsKey("limit"))
        {
            var (paging, error) = Paging.Strict(context);
            if (error != null) return error;
            (limit, offset) = (paging.Limit, paging.Offset);
        }
        else if (q.ContainsKey("page_size") || q.ContainsKey("start"))
        {
            // start = page number (1-based [inf]) used to compute the offset.
            limit = int.TryParse(q["page_size"], out int ps) ? Math.Min(ps, 100) : 10;
            int start = int.TryParse(q["start"], out int st) ? Math.Max(st, 1) : 1;
            offset = (start - 1) * limit;
        }
        if (!context.TryQueryLong("category_id", out long? category, out var err)) return err!;
        int? status = int.TryParse(context.Query("schedule_status"), out int ss) ? ss : null;
        int? period = int.TryParse(context.Query("schedule_period"), out int sp) ? sp : null;
        int? result = int.TryParse(context.Query("result_status"), out int rs) ? rs : null;
        string? name = context.Query("rule_name");
        DateTimeOffset? after = V1Time(context.Query("start_time")), before = V1Time(context.Query("end_time"));
        var tenant = context.Tenant();
        lock (state.Lock)
        {
            state.Advance(tenant);
            var jobs = tenant.Jobs
                .Where(j => j.Kind == JobKind.Quality)
                .Select(j => (Job: j, Last: tenant.Instances.LastOrDefault(i => i.TaskId == j.Id)))
                .Where(x =>
                    (name is null || x.Job.Name.Contains(name, StringComparison.OrdinalIgnoreCase))
                    && (category is null || x.Job.CategoryId == category)
                    && (status is null
                        || Array.IndexOf(DqcValues.ScheduleStatuses, x.Job.ScheduleStatus) + 1 == status)
                    && (period is null
                        || (period == 5
                            ? false
                            : Array.IndexOf(DqcValues.SchedulePeriods, x.Job.SchedulePeriod) + 1 == period))
                    && (result is null
                        || (x.Last != null && Array.IndexOf(V1ResultStatuses, x.Last.RunStatus) == result))
                    // [inf] the v1 time window applies to the creation time.
                    && (after is null || x.Job.CreateTime >= after.Value.ToUnixTimeMilliseconds())
                    && (before is null || x.Job.CreateTime <= before.Value.ToUnixTimeMilliseconds()))
                .ToList();
            var items = new Paging(limit, offset).Of(jobs).Select(x => (JsonNode?)new JsonObject
            {
                ["id"] = x.Job.Id.ToString(CultureInfo.InvariantCulture),
                ["name"] = x.Job.Name,
                ["creator"] = x.Job.Creator,
                ["create_offset_time"] = Iso(x.Job.CreateTime),
                ["modify_offset_time"] = Iso(x.Job.CreateTime + 34_000),
                ["dw_name"] = "",
                ["db_name"] = "",
                ["schedule_status"] = Array.IndexOf(DqcValues.ScheduleStatuses, x.Job.ScheduleStatus) + 1,
                ["calc_offset_time"] = x.Job.LastRunTime is long t ? Iso(t) : null,
            }).ToArray();
            return Results.Json(new JsonObject
            {
                ["error_code"] = "DQC.0000",
                ["error_msg"] = "success",
                ["data"] = new JsonObject { ["num"] = jobs.Count, ["page_search_result"] = new JsonArray(items) },
            });
        }
    }

    private static string Iso(long ms) =>
        DateTimeOffset.FromUnixTimeMilliseconds(ms).ToOffset(ChinaOffset)
            .ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static DateTimeOffset? V1Time(string? text) =>
        text != null
        && DateTime.TryParseExact(
            text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? new DateTimeOffset(t, ChinaOffset) : null;

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

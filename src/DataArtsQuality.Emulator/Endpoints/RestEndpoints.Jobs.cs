using System.Globalization;
using System.Text.Json.Nodes;
using DataArtsQuality.Emulator.Gateway;
using DataArtsQuality.Emulator.State;

namespace DataArtsQuality.Emulator.Endpoints;

public static partial class RestEndpoints
{
    private static readonly string[] V2Statuses = { "NOT_START", "SCHEDULING", "FINISH_SUCCESS", "KILL", "RUNNING_EXCEPTION" };
    private static readonly string[] V2Periods = { "MINUTE", "HOUR", "DAY", "WEEK" };
    private static readonly string[] ResultStatuses = { "RUNNING", "FAILED", "ALARMING", "SUCCESS" };

    private static void MapJobAdmin(IEndpointRouteBuilder app, EmulatorState state)
    {
        foreach (var kind in new[] { JobKind.Quality, JobKind.Comparison })
        {
            string path = kind == JobKind.Quality ? "quality-tasks" : "consistency-tasks";
            string what = kind == JobKind.Quality ? "quality job" : "comparison job";
            // Batch delete: a bare array of IDs. Unknown IDs → 400 and nothing deleted [inf: undocumented].
            app.MapPost($"/v2/{{project_id}}/quality/{path}/batch-delete", async (HttpContext context) =>
            {
                var ids = IdArray(Parse(await Body(context)));
                if (ids is null || ids.Count == 0) return ApiErrors.Dqc(400, ApiErrors.BadBody, "The body must be a JSON array of job IDs.");
                var tenant = context.Tenant();
                lock (state.Lock)
                {
                    foreach (long id in ids)
                        if (!tenant.JobsById.TryGetValue(id, out var job) || job.Kind != kind)
                            return ApiErrors.Dqc(400, ApiErrors.JobNotFound, $"The {what} {id} does not exist.");
                    foreach (long id in ids.Distinct())
                    {
                        tenant.Jobs.Remove(tenant.JobsById[id]);
                        tenant.JobsById.Remove(id);
                    }
                    return Success();
                }
            });
        }

        // OperationQualityTaskSchedule: start → SCHEDULING, stop → KILL (§6); quality jobs only.
        app.MapPost("/v2/{project_id}/quality/quality-tasks/action", async (HttpContext context) =>
        {
            var body = Parse(await Body(context)) as JsonObject;
            if (body is null) return ApiErrors.Dqc(400, ApiErrors.BadBody, "The request body is not a JSON object.");
            string? action = body["action"] is JsonValue a && a.TryGetValue<string>(out var s) ? s : null;
            if (action != "start" && action != "stop") return ApiErrors.Dqc(400, BadField, "action must be start or stop.");
            if (!JsonRead.TryId(body["rule_id"], out long id)) return ApiErrors.Dqc(400, ApiErrors.BadId, "rule_id must be a job ID.");
            var tenant = context.Tenant();
            lock (state.Lock)
            {
                if (!tenant.JobsById.TryGetValue(id, out var job) || job.Kind != JobKind.Quality)
                    return ApiErrors.Dqc(400, ApiErrors.JobNotFound, $"The quality job {id} does not exist.");
                job.ScheduleStatus = action == "start" ? "SCHEDULING" : "KILL";
                return Results.Json(new JsonObject { ["message"] = action == "start" ? "The job schedule is started." : "The job schedule is stopped." });
            }
        });

        // ListQualityTaskLists (v1): envelope {error_code, error_msg, data:{num, page_search_result}}, string IDs, ISO times.
        app.MapGet("/v1/{project_id}/quality/rules", (HttpContext context) =>
        {
            var q = context.Request.Query;
            int limit = 10, offset = 0;
            bool hasOffset = q.ContainsKey("offset") && q.ContainsKey("limit");
            if (hasOffset)
            {
                var (l, o, error) = Paging(context);
                if (error != null) return error;
                (limit, offset) = (l, o);
            }
            else if (q.ContainsKey("page_size") || q.ContainsKey("start"))
            {
                // start = page number (1-based [inf]) used to compute the offset.
                limit = int.TryParse(q["page_size"], out int ps) ? Math.Min(ps, 100) : 10;
                int start = int.TryParse(q["start"], out int st) ? Math.Max(st, 1) : 1;
                offset = (start - 1) * limit;
            }
            if (!TryLongQuery(context, "category_id", out long? category, out var err)) return err!;
            int? status = int.TryParse(Query(context, "schedule_status"), out int ss) ? ss : null;
            int? period = int.TryParse(Query(context, "schedule_period"), out int sp) ? sp : null;
            int? result = int.TryParse(Query(context, "result_status"), out int rs) ? rs : null;
            string? name = Query(context, "rule_name");
            DateTimeOffset? after = V1Time(Query(context, "start_time")), before = V1Time(Query(context, "end_time"));
            var tenant = context.Tenant();
            lock (state.Lock)
            {
                state.Advance(tenant);
                var jobs = tenant.Jobs.Where(j => j.Kind == JobKind.Quality).Select(j => (Job: j, Last: tenant.Instances.LastOrDefault(i => i.TaskId == j.Id))).Where(x =>
                    (name is null || x.Job.Name.Contains(name, StringComparison.OrdinalIgnoreCase))
                    && (category is null || x.Job.CategoryId == category)
                    && (status is null || Array.IndexOf(V2Statuses, x.Job.ScheduleStatus) + 1 == status)
                    && (period is null || (period == 5 ? false : Array.IndexOf(V2Periods, x.Job.SchedulePeriod) + 1 == period))
                    && (result is null || (x.Last != null && Array.IndexOf(ResultStatuses, x.Last.RunStatus) == result))
                    // [inf] the v1 time window applies to the creation time.
                    && (after is null || x.Job.CreateTime >= after.Value.ToUnixTimeMilliseconds())
                    && (before is null || x.Job.CreateTime <= before.Value.ToUnixTimeMilliseconds())).ToList();
                var items = jobs.Skip(offset).Take(limit).Select(x => (JsonNode?)new JsonObject
                {
                    ["id"] = x.Job.Id.ToString(CultureInfo.InvariantCulture),
                    ["name"] = x.Job.Name,
                    ["creator"] = x.Job.Creator,
                    ["create_offset_time"] = Iso(x.Job.CreateTime),
                    ["modify_offset_time"] = Iso(x.Job.CreateTime + 34_000),
                    ["dw_name"] = "",
                    ["db_name"] = "",
                    ["schedule_status"] = Array.IndexOf(V2Statuses, x.Job.ScheduleStatus) + 1,
                    ["calc_offset_time"] = x.Job.LastRunTime is long t ? Iso(t) : null,
                }).ToArray();
                return Results.Json(new JsonObject
                {
                    ["error_code"] = "DQC.0000",
                    ["error_msg"] = "success",
                    ["data"] = new JsonObject { ["num"] = jobs.Count, ["page_search_result"] = new JsonArray(items) },
                });
            }
        });

        // BatchStopQualityInstances: a bare array. Any instance that is not RUNNING → 406 and none stopped [inf].
        // A stopped instance becomes FAILED (the docs have no STOPPED run_status; §6 lets us pick) [inf].
        app.MapPost("/v2/{project_id}/quality/instances/batch-stop", async (HttpContext context) =>
        {
            var ids = IdArray(Parse(await Body(context)));
            if (ids is null || ids.Count == 0) return ApiErrors.Dqc(400, ApiErrors.BadBody, "The body must be a JSON array of instance IDs.");
            var tenant = context.Tenant();
            lock (state.Lock)
            {
                state.Advance(tenant);
                foreach (long id in ids)
                    if (!tenant.InstancesById.ContainsKey(id))
                        return ApiErrors.Dqc(400, NotFound, $"The instance {id} does not exist.");
                var notRunning = ids.Where(id => tenant.InstancesById[id].RunStatus != "RUNNING").Distinct().ToList();
                if (notRunning.Count > 0)
                    return Results.Json(new JsonObject
                    {
                        ["error_code"] = NotStoppable,
                        ["error_msg"] = $"The instance(s) {string.Join(", ", notRunning)} are not running and cannot be stopped.",
                        ["data"] = new JsonArray(notRunning.Select(i => (JsonNode?)JsonValue.Create(i.ToString(CultureInfo.InvariantCulture))).ToArray()),
                    }, statusCode: 406);
                foreach (long id in ids) StopInstance(tenant.InstancesById[id]);
                return Success();
            }
        });

        // UpdateQualityInstanceRecord. cancel_run: false = cancel (documented polarity); absent = do not cancel [inf].
        app.MapPut("/v2/{project_id}/quality/instances/{instance_id}", async (HttpContext context, string instance_id) =>
        {
            string text = await Body(context);
            var body = Parse(text) as JsonObject;
            if (body is null) return ApiErrors.Dqc(400, ApiErrors.BadBody, "The request body is not a JSON object.");
            if (!long.TryParse(instance_id, NumberStyles.None, CultureInfo.InvariantCulture, out long id))
                return ApiErrors.Dqc(400, ApiErrors.BadId, "instance_id must be an instance ID.");
            var tenant = context.Tenant();
            lock (state.Lock)
            {
                state.Advance(tenant);
                if (!tenant.InstancesById.TryGetValue(id, out var instance))
                    return ApiErrors.Dqc(400, NotFound, $"The instance {id} does not exist.");
                bool cancel = body["cancel_run"] is JsonValue c && c.TryGetValue<bool>(out bool keep) && !keep;
                bool open = body["open"] is not JsonValue o || !o.TryGetValue<bool>(out bool isOpen) || isOpen;
                string? op = body["operator"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
                RestData.For(tenant).InstanceRecords.Add((id, text));
                string done = !open ? "closed" : op != null ? $"handed over to {op}" : "commented";
                if (cancel && instance.RunStatus == "RUNNING")
                {
                    StopInstance(instance);
                    done += ", run cancelled";
                }
                return Results.Json(new JsonObject { ["data"] = $"Instance {id} {done}." });
            }
        });
    }

    private static void StopInstance(EmulatedInstance instance)
    {
        instance.RunStatus = "FAILED";
        instance.EndTime = EmulatorState.NowMs();
        instance.NotifyStatus = "NOT_TRIGGERED";
    }

    /// <summary>v1 times carry the service's zone, UTC+8 in the docs' examples.</summary>
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    private static string Iso(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToOffset(ChinaOffset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static DateTimeOffset? V1Time(string? text) =>
        text != null && DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? new DateTimeOffset(t, ChinaOffset) : null;
}

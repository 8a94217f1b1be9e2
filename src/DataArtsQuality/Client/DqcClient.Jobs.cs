namespace DataArtsQuality.Client;

/// <summary>Quality and comparison jobs: rerun, lists, details, deletion, schedules, and the v1 quality-job
/// list.</summary>
internal sealed partial class DqcClient
{
    /// <summary>
    /// ReStartTask: starts a new run of a quality or comparison job and returns the new instance's ID. The ID was
    /// checked when it was made (a <see cref="DqcId"/>, for Restart-DqcJob when it was bound); a refused one is
    /// refused here with the same error, before anything is sent.
    /// </summary>
    public async Task<string> RestartJobAsync(DqcRuleType ruleType, DqcId ruleId, CancellationToken cancellationToken,
        DqcSendGate? gate = null)
    {
        string id = (ruleId ?? throw new ArgumentNullException(nameof(ruleId))).Require("rule ID");
        if (ruleType != DqcRuleType.Quality && ruleType != DqcRuleType.Comparison)
            throw new ArgumentOutOfRangeException(nameof(ruleType), ruleType,
                "The rule type must be Quality (1) or Comparison (2).");

        byte[] body = JsonSerializer.SerializeToUtf8Bytes(
            new RestartRequest { RuleType = (int)ruleType, RuleId = id }, DqcJsonContext.Default.RestartRequest);
        RestartResponse response = await SendAsync(HttpMethod.Post, Connection.QualityUri("instances/restart"), body,
            DqcJsonContext.Default.RestartResponse, cancellationToken, gate).ConfigureAwait(false);
        if (string.IsNullOrEmpty(response.InstanceId))
            throw new DqcResponseFormatException("The service accepted the rerun but returned no instance_id.");
        return response.InstanceId!;
    }

    /// <summary>ListQualityTask (Quality) or ListConsistencyTask (Comparison), one page per request.</summary>
    public DqcPager<DqcJob> ListJobs(DqcRuleType ruleType, DqcJobQuery? query = null, ulong skip = 0,
        ulong? first = null)
    {
        var filters = (query ?? new DqcJobQuery()).ToQuery();
        return new DqcPager<DqcJob>((offset, limit, ct) => ListJobsPageAsync(ruleType, filters, offset, limit, ct),
            skip, first);
    }

    /// <summary>One page of a job list.</summary>
    public async Task<DqcPage<DqcJob>> ListJobsPageAsync(DqcRuleType ruleType,
        IReadOnlyList<KeyValuePair<string, string>> filters,
        long offset, int limit, CancellationToken cancellationToken)
    {
        var uri = Connection.QualityUri(JobsPath(ruleType), WithPaging(filters, offset, limit));
        var page = await SendAsync(HttpMethod.Get, uri, null, DqcJsonContext.Default.JobPageWire, cancellationToken)
            .ConfigureAwait(false);
        var items = (page.Resources ?? new List<JobWire>()).Select(w => Fill(new DqcJob(), w, ruleType)).ToList();
        Log.Verbose($"{DqcRuleTypes.Describe(ruleType)}s {offset}..{offset + items.Count} of {page.Count}");
        return new DqcPage<DqcJob>(page.Count, items);
    }

    /// <summary>ShowQualityTaskDetail / ShowConsistencyTaskDetail: one job with its sub-rules.</summary>
    public async Task<DqcJobDetail> GetJobAsync(DqcRuleType ruleType, string jobId, CancellationToken cancellationToken)
    {
        string id = DqcIds.Require(jobId, "job ID");
        var uri = Connection.QualityUri(JobsPath(ruleType) + "/" + Uri.EscapeDataString(id));
        var wire = await SendAsync(HttpMethod.Get, uri, null, DqcJsonContext.Default.JobDetailWire, cancellationToken)
            .ConfigureAwait(false);
        var detail = Fill(new DqcJobDetail(), wire, ruleType);
        if (string.IsNullOrEmpty(detail.Id)) detail.Id = id;
        detail.Description = wire.Description;
        detail.Level = wire.Level;
        detail.AlarmCondition = wire.AlarmCondition;
        detail.AlarmNotify = wire.AlarmNotify;
        detail.AlarmNotifyType = wire.AlarmNotifyType;
        detail.AlarmNotifyTopic = wire.AlarmNotifyTopic;
        detail.ScheduleType = wire.ScheduleType;
        detail.ScheduleStartDate = wire.ScheduleStartDate;
        detail.ScheduleEndDate = wire.ScheduleEndDate;
        detail.ScheduleStartTime = wire.ScheduleStartTime;
        detail.ScheduleEndTime = wire.ScheduleEndTime;
        detail.ScheduleCron = wire.ScheduleCron;
        detail.SubRules = (wire.SubRules ?? new List<SubRuleWire>()).Select(r => new DqcSubRule
        {
            Id = r.Id ?? "",
            JobId = detail.Id,
            Name = r.SubRuleName,
            Type = r.Type,
            TemplateId = r.TemplateId,
            Connection = r.Connection,
            ConnectionType = r.ConnectionType,
            Databases = r.Databases,
            Tables = r.Tables,
            Columns = r.Columns,
            ReferenceTables = r.ReferenceTables,
            ReferenceColumns = r.ReferenceColumns,
            Sql = r.Sql,
            Dimension = r.Dimension,
            Queue = r.Queue,
            Weight = r.Weight,
            AlarmCondition = r.AlarmCondition,
            IgnoreError = r.IgnoreError,
            RegularExpression = r.RegularExpression,
            TemplateArguments = r.TemplateArguments,
            CalculationRange = r.CalculationRange,
            CalculationRangeSql = r.CalculationRangeSql,
            ExportAbnormalTable = r.ExportAbnormalTable,
            AbnormalTableDatabase = r.AbnormalTableDatabase,
            AbnormalTableSchema = r.AbnormalTableSchema,
            AbnormalTable = r.AbnormalTable,
            AbnormalTablePrefix = r.AbnormalTablePrefix,
            AbnormalTableSuffix = r.AbnormalTableSuffix,
            AbnormalTableColumns = r.AbnormalTableColumns,
            AbnormalTableSql = r.AbnormalTableSql,
            AbnormalTableOutConfig = r.AbnormalTableOutConfig,
            AbnormalTableIncludeNullValue = r.AbnormalTableIncludeNullValue,
            AbnormalTableOutDataNumber = r.AbnormalTableOutDataNumber,
            ScoreSwitch = r.ScoreSwitch,
            ScoreSchema = r.ScoreSchema,
            ScoreTable = r.ScoreTable,
            ScoreExpression = r.ScoreExpression,
            Group = r.Group,
        }).ToList();
        return detail;
    }

    private static string JobsPath(DqcRuleType ruleType) => ruleType switch
    {
        DqcRuleType.Quality => "quality-tasks",
        DqcRuleType.Comparison => "consistency-tasks",
        _ => throw new ArgumentOutOfRangeException(nameof(ruleType), ruleType,
            "The rule type must be Quality (1) or Comparison (2)."),
    };

    private T Fill<T>(T job, JobWire w, DqcRuleType ruleType) where T : DqcJob
    {
        job.Id = w.Id ?? "";
        job.Name = w.Name ?? "";
        job.RuleType = ruleType;
        job.CategoryId = w.CategoryId;
        job.ScheduleStatus = w.ScheduleStatus;
        job.SchedulePeriod = w.SchedulePeriod;
        job.ScheduleInterval = w.ScheduleInterval;
        job.CreateTime = DqcTime.FromMs(w.CreateTime);
        job.LastRunTime = DqcTime.FromMs(w.LastRunTime);
        job.Creator = w.Creator;
        job.WorkspaceId = Connection.WorkspaceId;
        return job;
    }
    /// <summary>BatchDeleteQualityQualityTasks / BatchDeleteQualityConsistencyTasks: a bare array of numbers.</summary>
    public async Task DeleteJobsAsync(DqcRuleType ruleType, IReadOnlyList<string> jobIds,
        CancellationToken cancellationToken)
    {
        try
        {
            await SendBatchAsync(
                ruleType == DqcRuleType.Comparison ? "consistency-tasks/batch-delete" : "quality-tasks/batch-delete",
                DqcBatchBody.BareArray(CheckBatch(jobIds, "job ID")), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Tab completion must not offer deleted jobs (even after a failure: the batch may have partly applied).
            DqcCompletionCache.For(Connection).Invalidate();
        }
    }

    /// <summary>OperationQualityTaskSchedule: turns a quality job's schedule on (start) or off (stop). Returns the
    /// message.</summary>
    public async Task<string?> SetJobScheduleAsync(string jobId, bool start, CancellationToken cancellationToken)
    {
        var body = new ScheduleActionRequest { Action = start ? "start" : "stop",
            RuleId = DqcIds.Require(jobId, "job ID") };
        var answer = await SendOptionalBodyAsync(HttpMethod.Post, Connection.QualityUri("quality-tasks/action"),
            JsonSerializer.SerializeToUtf8Bytes(body, DqcJsonContext.Default.ScheduleActionRequest),
            DqcJsonContext.Default.MessageWire, cancellationToken).ConfigureAwait(false);
        return answer?.Message;
    }

    /// <summary>ListQualityTaskLists (v1, GET /v1/{project_id}/quality/rules) with offset/limit paging.</summary>
    public DqcPager<DqcLegacyJob> ListLegacyJobs(DqcLegacyJobQuery? query, ulong skip = 0, ulong? first = null)
    {
        query ??= new DqcLegacyJobQuery();
        var filters = new List<KeyValuePair<string, string>>();
        if (query.CategoryId != null)
            filters.Add(QueryPair("category_id", DqcIds.Require(query.CategoryId, "category ID")));
        if (!string.IsNullOrEmpty(query.Name)) filters.Add(QueryPair("rule_name", query.Name!));
        if (query.ScheduleStatus.HasValue)
            filters.Add(
                QueryPair("schedule_status", query.ScheduleStatus.Value.ToString(CultureInfo.InvariantCulture)));
        if (query.SchedulePeriod.HasValue)
            filters.Add(
                QueryPair("schedule_period", query.SchedulePeriod.Value.ToString(CultureInfo.InvariantCulture)));
        if (query.After.HasValue) filters.Add(QueryPair("start_time", DqcEpoch.ToV1(query.After.Value)));
        if (query.Before.HasValue) filters.Add(QueryPair("end_time", DqcEpoch.ToV1(query.Before.Value)));
        if (query.ResultStatus.HasValue)
            filters.Add(QueryPair("result_status", query.ResultStatus.Value.ToString(CultureInfo.InvariantCulture)));
        string path = "v1/" + Uri.EscapeDataString(Connection.ProjectId) + "/quality/rules";
        return new DqcPager<DqcLegacyJob>(async (offset, limit, ct) =>
        {
            var uri = Connection.BuildUri(path, WithPaging(filters, offset, limit));
            var answer = await SendAsync(HttpMethod.Get, uri, null, DqcJsonContext.Default.LegacyJobPageWire, ct)
                .ConfigureAwait(false);
            var data = answer.Data ?? new LegacyJobPageDataWire();
            var items = (data.Items ?? new List<LegacyJobWire>()).Select(w => new DqcLegacyJob
            {
                Id = w.Id ?? "",
                Name = w.Name,
                Creator = w.Creator,
                ScheduleStatusCode = w.ScheduleStatus,
                ScheduleStatus = LegacyScheduleStatus(w.ScheduleStatus),
                CreateTime = DqcEpoch.FromIso(w.CreateOffsetTime),
                ModifyTime = DqcEpoch.FromIso(w.ModifyOffsetTime),
                CalcTime = DqcEpoch.FromIso(w.CalcOffsetTime),
                DwName = w.DwName,
                DbName = w.DbName,
            }).ToList();
            return new DqcPage<DqcLegacyJob>(data.Num, items);
        }, skip, first);
    }

    internal static readonly string[] LegacyScheduleStatuses = { "NotStarted", "Scheduling", "Finished", "Stopped",
        "Abnormal" };
    internal static readonly string[] LegacySchedulePeriods = { "Minute", "Hour", "Day", "Week", "Month" };
    internal static readonly string[] LegacyResultStatuses = { "Running", "Abnormal", "Alarm", "Normal" };

    private static string? LegacyScheduleStatus(int? code) =>
        code is int c && c >= 1 && c <= LegacyScheduleStatuses.Length ? LegacyScheduleStatuses[c - 1]
        : code?.ToString(CultureInfo.InvariantCulture);
}

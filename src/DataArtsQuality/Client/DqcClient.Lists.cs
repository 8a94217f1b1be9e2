using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DataArtsQuality.Client.Json;
using DataArtsQuality.Client.Wire;
using DataArtsQuality.Models;

namespace DataArtsQuality.Client
{
    /// <summary>Job lists and details, instance lists and instance results.</summary>
    public sealed partial class DqcClient
    {
        /// <summary>ListQualityTask (Quality) or ListConsistencyTask (Comparison), one page per request.</summary>
        public DqcPager<DqcJob> ListJobs(DqcRuleType ruleType, DqcJobQuery? query = null, ulong skip = 0, ulong? first = null)
        {
            var filters = (query ?? new DqcJobQuery()).ToQuery();
            return new DqcPager<DqcJob>((offset, limit, ct) => ListJobsPageAsync(ruleType, filters, offset, limit, ct), skip, first);
        }

        /// <summary>One page of a job list.</summary>
        public async Task<DqcPage<DqcJob>> ListJobsPageAsync(DqcRuleType ruleType, IReadOnlyList<KeyValuePair<string, string>> filters,
            long offset, int limit, CancellationToken cancellationToken)
        {
            var uri = Connection.QualityUri(JobsPath(ruleType), WithPaging(filters, offset, limit));
            var page = await SendAsync(HttpMethod.Get, uri, null, DqcListJsonContext.Default.JobPageWire, cancellationToken).ConfigureAwait(false);
            var items = (page.Resources ?? new List<JobWire>()).Select(w => Fill(new DqcJob(), w, ruleType)).ToList();
            Log.Verbose($"{DqcRuleTypes.Describe(ruleType)}s {offset}..{offset + items.Count} of {page.Count}");
            return new DqcPage<DqcJob>(page.Count, items);
        }

        /// <summary>ShowQualityTaskDetail / ShowConsistencyTaskDetail: one job with its sub-rules.</summary>
        public async Task<DqcJobDetail> GetJobAsync(DqcRuleType ruleType, string jobId, CancellationToken cancellationToken)
        {
            string id = DqcIds.Require(jobId, "job ID");
            var uri = Connection.QualityUri(JobsPath(ruleType) + "/" + Uri.EscapeDataString(id));
            var wire = await SendAsync(HttpMethod.Get, uri, null, DqcListJsonContext.Default.JobDetailWire, cancellationToken).ConfigureAwait(false);
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

        /// <summary>
        /// ListInstances, one page per request. <paramref name="filter"/> is applied on the client (the API cannot
        /// filter by job or instance ID); Skip/First then count the matching instances.
        /// </summary>
        public DqcPager<DqcInstance> ListInstances(DqcInstanceQuery? query = null, ulong skip = 0, ulong? first = null,
            Func<DqcInstance, bool>? filter = null)
        {
            var filters = (query ?? new DqcInstanceQuery()).ToQuery();
            return new DqcPager<DqcInstance>((offset, limit, ct) => ListInstancesPageAsync(filters, offset, limit, ct), skip, first, filter);
        }

        /// <summary>One page of the instance list.</summary>
        public async Task<DqcPage<DqcInstance>> ListInstancesPageAsync(IReadOnlyList<KeyValuePair<string, string>> filters,
            long offset, int limit, CancellationToken cancellationToken)
        {
            var uri = Connection.QualityUri("instances", WithPaging(filters, offset, limit));
            var page = await SendAsync(HttpMethod.Get, uri, null, DqcListJsonContext.Default.InstancePageWire, cancellationToken).ConfigureAwait(false);
            var items = new List<DqcInstance>();
            foreach (var w in page.Resources ?? new List<InstanceWire>())
            {
                DqcRuleTypes.TryParse(w.TaskType, out var ruleType);
                items.Add(new DqcInstance
                {
                    InstanceId = w.Id ?? "",
                    Name = w.Name,
                    RuleId = w.TaskId ?? "",
                    RuleType = ruleType,
                    RunStatus = w.RunStatus,
                    NotifyStatus = w.NotifyStatus,
                    StartTime = DqcTime.FromMs(w.StartTime),
                    EndTime = DqcTime.FromMs(w.EndTime),
                    WorkspaceId = Connection.WorkspaceId,
                });
            }
            Log.Verbose($"instances {offset}..{offset + items.Count} of {page.Count}");
            return new DqcPage<DqcInstance>(page.Count, items);
        }

        /// <summary>ShowInstanceResult: the per-sub-rule results of one run, one page per request.</summary>
        public DqcPager<DqcInstanceResult> ListInstanceResults(string instanceId, ulong skip = 0, ulong? first = null)
        {
            string id = DqcIds.Require(instanceId, "instance ID");
            return new DqcPager<DqcInstanceResult>((offset, limit, ct) => ListInstanceResultsPageAsync(id, offset, limit, ct), skip, first);
        }

        private async Task<DqcPage<DqcInstanceResult>> ListInstanceResultsPageAsync(string instanceId, long offset, int limit,
            CancellationToken cancellationToken)
        {
            var uri = Connection.QualityUri("instances/" + Uri.EscapeDataString(instanceId) + "/result",
                WithPaging(Array.Empty<KeyValuePair<string, string>>(), offset, limit));
            var page = await SendAsync(HttpMethod.Get, uri, null, DqcListJsonContext.Default.InstanceResultPageWire, cancellationToken).ConfigureAwait(false);
            var items = (page.Resources ?? new List<InstanceResultWire>()).Select(w => new DqcInstanceResult
            {
                InstanceId = instanceId,
                SubRuleId = w.SubRuleId,
                SubInstanceId = w.SubInstanceId,
                AbnormalTableStatus = w.AbnormalTableStatus,
                Results = ReadRows(w.Results),
            }).ToList();
            return new DqcPage<DqcInstanceResult>(page.Count, items);
        }

        /// <summary>results: an array of flat objects (or, per the 2022 doc, one object). Values become text.</summary>
        internal static IReadOnlyList<IReadOnlyDictionary<string, string?>> ReadRows(JsonElement results)
        {
            var rows = new List<IReadOnlyDictionary<string, string?>>();
            if (results.ValueKind == JsonValueKind.Array)
            {
                foreach (var row in results.EnumerateArray())
                    if (row.ValueKind == JsonValueKind.Object) rows.Add(ReadRow(row));
            }
            else if (results.ValueKind == JsonValueKind.Object)
            {
                rows.Add(ReadRow(results));
            }
            return rows;
        }

        private static IReadOnlyDictionary<string, string?> ReadRow(JsonElement row)
        {
            var dict = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var p in row.EnumerateObject())
            {
                dict[p.Name] = p.Value.ValueKind switch
                {
                    JsonValueKind.String => p.Value.GetString(),
                    JsonValueKind.Null => null,
                    _ => p.Value.GetRawText(),   // numbers stay exact text, never a double
                };
            }
            return dict;
        }

        private static string JobsPath(DqcRuleType ruleType) => ruleType switch
        {
            DqcRuleType.Quality => "quality-tasks",
            DqcRuleType.Comparison => "consistency-tasks",
            _ => throw new ArgumentOutOfRangeException(nameof(ruleType), ruleType, "The rule type must be Quality (1) or Comparison (2)."),
        };

        private static List<KeyValuePair<string, string>> WithPaging(IEnumerable<KeyValuePair<string, string>> filters, long offset, int limit)
        {
            var q = new List<KeyValuePair<string, string>>(filters)
            {
                DqcJobQuery.Pair("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                DqcJobQuery.Pair("offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            };
            return q;
        }

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
    }
}

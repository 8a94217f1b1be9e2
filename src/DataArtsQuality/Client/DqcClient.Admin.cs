using System;
using System.Collections.Generic;
using System.Globalization;
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
    /// <summary>Filters of ListQualityTemplates. Null means "not filtered".</summary>
    public sealed class DqcTemplateQuery
    {
        public string? Name { get; set; }
        public string? CategoryId { get; set; }
        public bool? SystemOnly { get; set; }
        public string? Creator { get; set; }
    }

    /// <summary>Filters of the v1 quality-job list. Null means "not filtered".</summary>
    public sealed class DqcLegacyJobQuery
    {
        public string? Name { get; set; }
        public string? CategoryId { get; set; }
        /// <summary>1 not started, 2 scheduling, 3 finished, 4 stopped, 5 abnormal.</summary>
        public int? ScheduleStatus { get; set; }
        /// <summary>1 minute, 2 hour, 3 day, 4 week, 5 month.</summary>
        public int? SchedulePeriod { get; set; }
        /// <summary>0 running, 1 abnormal, 2 alarm, 3 normal.</summary>
        public int? ResultStatus { get; set; }
        public DateTimeOffset? After { get; set; }
        public DateTimeOffset? Before { get; set; }
    }

    /// <summary>The fields of a rule template write (TemplateRO). Null = not given.</summary>
    public sealed class DqcTemplateDefinition
    {
        public string? Name { get; set; }
        public string? CategoryId { get; set; }
        /// <summary>Completeness, Uniqueness, Timeliness, Validity, Accuracy or Consistency.</summary>
        public string? Dimension { get; set; }
        public string? Description { get; set; }
        public string? Sql { get; set; }
        public string? ResultDescription { get; set; }
        public string? AbnormalTableSql { get; set; }
        public bool Publish { get; set; }
        public string? VersionName { get; set; }
    }

    /// <summary>Catalog, rule templates, job deletion and schedules, instance stop and handling, the v1 job list.</summary>
    public sealed partial class DqcClient
    {
        /// <summary>Most IDs one batch request carries; larger inputs are split into several batches.</summary>
        public const int MaxIdsPerBatch = 100;

        internal static readonly string[] Dimensions = { "Completeness", "Uniqueness", "Timeliness", "Validity", "Accuracy", "Consistency" };

        /// <summary>dimension_id of a dimension name (1..6), case-insensitive.</summary>
        public static int DimensionId(string dimension)
        {
            for (int i = 0; i < Dimensions.Length; i++)
                if (string.Equals(Dimensions[i], dimension?.Trim(), StringComparison.OrdinalIgnoreCase)) return i + 1;
            throw new ArgumentException($"The dimension '{dimension}' is not one of {string.Join(", ", Dimensions)}.", nameof(dimension));
        }

        // ---- Catalog -------------------------------------------------------------------------------------------

        /// <summary>
        /// ListCategory: the directory tree (root "All", ID 0). The body is a bare array with no total, so top-level
        /// entries are paged by record offset until an empty page: a page shorter than the limit asked for does not end
        /// the list, as a service that caps pages lower would otherwise cut it silently. A page that only repeats
        /// entries already read (a service ignoring offset) ends it too.
        /// </summary>
        public async Task<IReadOnlyList<DqcCategory>> GetCategoriesAsync(CancellationToken cancellationToken)
        {
            const int pageSize = 100;
            var roots = new List<DqcCategory>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (int offset = 0; ;)
            {
                var uri = Connection.QualityUri("categories", new[] { RestPair("limit", pageSize.ToString(CultureInfo.InvariantCulture)), RestPair("offset", offset.ToString(CultureInfo.InvariantCulture)) });
                byte[] body = await SendRawAsync(HttpMethod.Get, uri, null, cancellationToken).ConfigureAwait(false);
                var page = new List<DqcCategory>();
                try
                {
                    using var doc = JsonDocument.Parse(body);
                    if (doc.RootElement.ValueKind != JsonValueKind.Array)
                        throw new DqcResponseFormatException("ListCategory answered 2xx but the body is not a JSON array.");
                    foreach (var e in doc.RootElement.EnumerateArray())
                        page.Add(ReadCategory(e, null, 0));
                }
                catch (JsonException ex)
                {
                    throw new DqcResponseFormatException("ListCategory answered 2xx but the body is not JSON: " + ex.Message, ex);
                }
                if (page.Count == 0) return roots;
                int fresh = 0;
                foreach (var c in page)
                {
                    if (c.Id.Length > 0 && !seen.Add(c.Id)) continue;
                    roots.Add(c);
                    fresh++;
                }
                if (fresh == 0)
                {
                    Log.Verbose($"ListCategory: the page at offset {offset} repeats categories already read; the list ends there.");
                    return roots;
                }
                offset += page.Count;
            }
        }

        internal static DqcCategory ReadCategory(JsonElement e, DqcCategory? parent, int depth)
        {
            var c = new DqcCategory
            {
                Id = ReadIdText(e, "id") ?? "",
                Name = e.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() ?? "" : "",
                Type = e.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null,
                ParentId = ReadIdText(e, "pid") ?? parent?.Id,
                Depth = depth,
            };
            c.Path = parent is null ? c.Name : parent.Path + "/" + c.Name;
            var children = new List<DqcCategory>();
            // sub_categories is documented as an array of SubCategoryDetailVO, "Object (recursive, untyped)" one level
            // down: accept an array or a single object.
            if (e.TryGetProperty("sub_categories", out var subs))
            {
                if (subs.ValueKind == JsonValueKind.Array)
                    foreach (var s in subs.EnumerateArray()) children.Add(ReadCategory(s, c, depth + 1));
                else if (subs.ValueKind == JsonValueKind.Object)
                    children.Add(ReadCategory(subs, c, depth + 1));
            }
            c.Children = children;
            return c;
        }

        private static string? ReadIdText(JsonElement e, string name)
        {
            if (!e.TryGetProperty(name, out var v)) return null;
            return v.ValueKind switch
            {
                JsonValueKind.Number => v.GetRawText(),
                JsonValueKind.String => v.GetString(),
                _ => null,
            };
        }

        // ---- Rule templates ------------------------------------------------------------------------------------

        /// <summary>ListQualityTemplates, one page per request.</summary>
        public DqcPager<DqcRuleTemplate> ListTemplates(DqcTemplateQuery? query, ulong skip = 0, ulong? first = null)
        {
            var filters = new List<KeyValuePair<string, string>>();
            query ??= new DqcTemplateQuery();
            if (query.CategoryId != null) filters.Add(RestPair("category_id", RestId(query.CategoryId, "category ID")));
            if (!string.IsNullOrEmpty(query.Name)) filters.Add(RestPair("name", query.Name!));
            if (query.SystemOnly.HasValue) filters.Add(RestPair("system_template", query.SystemOnly.Value ? "true" : "false"));
            if (!string.IsNullOrEmpty(query.Creator)) filters.Add(RestPair("creator", query.Creator!));
            return new DqcPager<DqcRuleTemplate>(async (offset, limit, ct) =>
            {
                var uri = Connection.QualityUri("rule-templates", RestPage(filters, offset, limit));
                var page = await SendAsync(HttpMethod.Get, uri, null, DqcRestJsonContext.Default.TemplatePageWire, ct).ConfigureAwait(false);
                var items = (page.Resources ?? new List<TemplateWire>()).Select(ToTemplate).ToList();
                return new DqcPage<DqcRuleTemplate>(page.Count, items);
            }, skip, first);
        }

        /// <summary>ShowTemplatesDetail.</summary>
        public async Task<DqcRuleTemplate> GetTemplateAsync(string templateId, CancellationToken cancellationToken)
        {
            string id = RestId(templateId, "rule template ID");
            var wire = await SendAsync(HttpMethod.Get, Connection.QualityUri("rule-templates/" + id), null,
                DqcRestJsonContext.Default.TemplateWire, cancellationToken).ConfigureAwait(false);
            var t = ToTemplate(wire);
            if (t.Id.Length == 0) t.Id = id;
            return t;
        }

        /// <summary>CreateTemplate. Name, dimension and SQL are required by this client (the API marks nothing required).</summary>
        public async Task<DqcRuleTemplate> CreateTemplateAsync(DqcTemplateDefinition definition, CancellationToken cancellationToken)
        {
            var body = BuildTemplateRequest(null, null, definition);
            var wire = await SendAsync(HttpMethod.Post, Connection.QualityUri("rule-templates"),
                JsonSerializer.SerializeToUtf8Bytes(body, DqcRestJsonContext.Default.TemplateRequest),
                DqcRestJsonContext.Default.TemplateWire, cancellationToken).ConfigureAwait(false);
            return ToTemplate(wire);
        }

        /// <summary>
        /// UpdateTemplate. The fields not given are filled from what the service returns: name, category, dimension,
        /// SQL and result description from ShowTemplatesDetail, abnormal_table_template from ListQualityTemplates
        /// (the detail response lacks it); origin_name is the current name. description is returned by neither call,
        /// so it is sent only when given. A field that is still unknown is left out, never sent as null: the service
        /// might clear it.
        /// </summary>
        public async Task<DqcRuleTemplate> UpdateTemplateAsync(string templateId, DqcTemplateDefinition changes, CancellationToken cancellationToken)
        {
            string id = RestId(templateId, "rule template ID");
            var current = await GetTemplateAsync(id, cancellationToken).ConfigureAwait(false);
            string? abnormal = changes.AbnormalTableSql
                ?? await ListedAbnormalTableSqlAsync(id, current.Name, cancellationToken).ConfigureAwait(false);
            var merged = new DqcTemplateDefinition
            {
                Name = changes.Name ?? current.Name,
                CategoryId = changes.CategoryId ?? current.CategoryId ?? "0",
                Dimension = changes.Dimension ?? current.Dimension,
                Description = changes.Description,
                Sql = changes.Sql ?? current.Sql,
                ResultDescription = changes.ResultDescription ?? current.ResultDescription,
                AbnormalTableSql = abnormal,
                Publish = changes.Publish,
                VersionName = changes.VersionName,
            };
            var wire = await SendAsync(HttpMethod.Put, Connection.QualityUri("rule-templates/" + id),
                TemplateUpdateBody(id, current.Name, merged), DqcRestJsonContext.Default.TemplateWire, cancellationToken).ConfigureAwait(false);
            var t = ToTemplate(wire);
            if (t.Id.Length == 0) t.Id = id;
            return t;
        }

        /// <summary>The UpdateTemplate body: TemplateRO without the fields that are null (unknown or not given).</summary>
        internal static byte[] TemplateUpdateBody(string id, string? originName, DqcTemplateDefinition merged)
        {
            byte[] full = JsonSerializer.SerializeToUtf8Bytes(BuildTemplateRequest(id, originName, merged), DqcRestJsonContext.Default.TemplateRequest);
            using var doc = JsonDocument.Parse(full);
            using var stream = new System.IO.MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartObject();
                foreach (var property in doc.RootElement.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.Null) continue;
                    property.WriteTo(writer);   // raw value: 64-bit IDs stay exact
                }
                writer.WriteEndObject();
            }
            return stream.ToArray();
        }

        /// <summary>
        /// The template's abnormal_table_template as ListQualityTemplates returns it (RuleTemplateDetailVO has it,
        /// ShowTemplatesDetail does not): the list filtered by the current name, the entry with this ID. Null when the
        /// list does not show it.
        /// </summary>
        private async Task<string?> ListedAbnormalTableSqlAsync(string id, string? name, CancellationToken cancellationToken)
        {
            var pager = ListTemplates(new DqcTemplateQuery { Name = string.IsNullOrEmpty(name) ? null : name });
            while (await pager.NextPageAsync(cancellationToken).ConfigureAwait(false) is IReadOnlyList<DqcRuleTemplate> page)
            {
                foreach (var t in page)
                {
                    if (t.Id != id) continue;
                    pager.Stop();
                    return t.AbnormalTableSql;
                }
            }
            Log.Verbose($"Rule template {id} is not in the template list, so its abnormal_table_template is not known and is left out of the update.");
            return null;
        }

        internal static TemplateRequest BuildTemplateRequest(string? id, string? originName, DqcTemplateDefinition d) => new TemplateRequest
        {
            Id = id ?? "0",
            Name = d.Name,
            DirectoryId = d.CategoryId == null ? "0" : RestId(d.CategoryId, "category ID"),
            DimensionId = d.Dimension == null ? null : DimensionId(d.Dimension),
            Description = d.Description,
            SqlInfo = d.Sql,
            ResultDescription = d.ResultDescription,
            Publish = d.Publish,
            OriginName = originName,
            AbnormalTableTemplate = d.AbnormalTableSql,
            UserDefineVersionName = d.VersionName,
            VersionNum = null,
            Status = d.Publish ? 1 : (int?)null,
        };

        /// <summary>BatchDeleteTemplates: body {"ids":[...]} (unlike the other batch calls).</summary>
        public Task DeleteTemplatesAsync(IReadOnlyList<string> templateIds, CancellationToken cancellationToken)
            => SendBatchAsync("rule-templates/batch-delete", DqcBatchBody.IdsObject(CheckBatch(templateIds, "template ID")), cancellationToken);

        private static DqcRuleTemplate ToTemplate(TemplateWire w) => new DqcRuleTemplate
        {
            Id = w.Id ?? "",
            Name = w.Name,
            CategoryId = w.CategoryId,
            Dimension = w.Dimension,
            Type = w.Type,
            IsSystemTemplate = w.SystemTemplate == true,
            Sql = w.SqlInfo,
            AbnormalTableSql = w.AbnormalTableTemplate,
            ResultDescription = w.ResultDescription,
            CreateTime = DqcTime.FromMs(w.CreateTime),
            Creator = w.Creator,
        };

        // ---- Jobs ----------------------------------------------------------------------------------------------

        /// <summary>BatchDeleteQualityQualityTasks / BatchDeleteQualityConsistencyTasks: a bare array of numbers.</summary>
        public async Task DeleteJobsAsync(DqcRuleType ruleType, IReadOnlyList<string> jobIds, CancellationToken cancellationToken)
        {
            try
            {
                await SendBatchAsync(ruleType == DqcRuleType.Comparison ? "consistency-tasks/batch-delete" : "quality-tasks/batch-delete",
                    DqcBatchBody.BareArray(CheckBatch(jobIds, "job ID")), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                // Tab completion must not offer deleted jobs (even after a failure: the batch may have partly applied).
                DqcJobCatalog.For(Connection).Invalidate();
            }
        }

        /// <summary>OperationQualityTaskSchedule: turns a quality job's schedule on (start) or off (stop). Returns the message.</summary>
        public async Task<string?> SetJobScheduleAsync(string jobId, bool start, CancellationToken cancellationToken)
        {
            var body = new ScheduleActionRequest { Action = start ? "start" : "stop", RuleId = RestId(jobId, "job ID") };
            var answer = await SendOptionalBodyAsync(HttpMethod.Post, Connection.QualityUri("quality-tasks/action"),
                JsonSerializer.SerializeToUtf8Bytes(body, DqcRestJsonContext.Default.ScheduleActionRequest),
                DqcRestJsonContext.Default.MessageWire, cancellationToken).ConfigureAwait(false);
            return answer?.Message;
        }

        /// <summary>ListQualityTaskLists (v1, GET /v1/{project_id}/quality/rules) with offset/limit paging.</summary>
        public DqcPager<DqcLegacyJob> ListLegacyJobs(DqcLegacyJobQuery? query, ulong skip = 0, ulong? first = null)
        {
            query ??= new DqcLegacyJobQuery();
            var filters = new List<KeyValuePair<string, string>>();
            if (query.CategoryId != null) filters.Add(RestPair("category_id", RestId(query.CategoryId, "category ID")));
            if (!string.IsNullOrEmpty(query.Name)) filters.Add(RestPair("rule_name", query.Name!));
            if (query.ScheduleStatus.HasValue) filters.Add(RestPair("schedule_status", query.ScheduleStatus.Value.ToString(CultureInfo.InvariantCulture)));
            if (query.SchedulePeriod.HasValue) filters.Add(RestPair("schedule_period", query.SchedulePeriod.Value.ToString(CultureInfo.InvariantCulture)));
            if (query.After.HasValue) filters.Add(RestPair("start_time", DqcEpoch.ToV1(query.After.Value)));
            if (query.Before.HasValue) filters.Add(RestPair("end_time", DqcEpoch.ToV1(query.Before.Value)));
            if (query.ResultStatus.HasValue) filters.Add(RestPair("result_status", query.ResultStatus.Value.ToString(CultureInfo.InvariantCulture)));
            string path = "v1/" + Uri.EscapeDataString(Connection.ProjectId) + "/quality/rules";
            return new DqcPager<DqcLegacyJob>(async (offset, limit, ct) =>
            {
                var uri = Connection.BuildUri(path, RestPage(filters, offset, limit));
                var answer = await SendAsync(HttpMethod.Get, uri, null, DqcRestJsonContext.Default.LegacyListWire, ct).ConfigureAwait(false);
                var data = answer.Data ?? new LegacyDataWire();
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

        internal static readonly string[] LegacyScheduleStatuses = { "NotStarted", "Scheduling", "Finished", "Stopped", "Abnormal" };
        internal static readonly string[] LegacySchedulePeriods = { "Minute", "Hour", "Day", "Week", "Month" };
        internal static readonly string[] LegacyResultStatuses = { "Running", "Abnormal", "Alarm", "Normal" };

        private static string? LegacyScheduleStatus(int? code) =>
            code is int c && c >= 1 && c <= LegacyScheduleStatuses.Length ? LegacyScheduleStatuses[c - 1]
            : code?.ToString(CultureInfo.InvariantCulture);

        // ---- Instances -----------------------------------------------------------------------------------------

        /// <summary>BatchStopQualityInstances: a bare array; 406 when an instance cannot be stopped.</summary>
        public Task StopInstancesAsync(IReadOnlyList<string> instanceIds, CancellationToken cancellationToken)
            => SendBatchAsync("instances/batch-stop", DqcBatchBody.BareArray(CheckBatch(instanceIds, "instance ID")), cancellationToken);

        /// <summary>
        /// UpdateQualityInstanceRecord. <paramref name="cancelRun"/> true stops the run: the wire field cancel_run has the
        /// documented inverted polarity (false = cancel, true = do not cancel), so it is always sent, as the opposite.
        /// </summary>
        public async Task<string?> UpdateInstanceRecordAsync(string instanceId, string? detail, string? assignTo, bool close,
            bool cancelRun, CancellationToken cancellationToken)
        {
            string id = RestId(instanceId, "instance ID");
            var body = BuildInstanceRecord(detail, assignTo, close, cancelRun);
            var answer = await SendOptionalBodyAsync(HttpMethod.Put, Connection.QualityUri("instances/" + id),
                JsonSerializer.SerializeToUtf8Bytes(body, DqcRestJsonContext.Default.InstanceRecordRequest),
                DqcRestJsonContext.Default.DataStringWire, cancellationToken).ConfigureAwait(false);
            if (answer?.Data is JsonElement data)
                return data.ValueKind == JsonValueKind.String ? data.GetString() : data.ValueKind == JsonValueKind.Null ? null : data.GetRawText();
            return null;
        }

        internal static InstanceRecordRequest BuildInstanceRecord(string? detail, string? assignTo, bool close, bool cancelRun) => new InstanceRecordRequest
        {
            Detail = detail,
            Operator = assignTo,
            Open = !close,
            CancelRunWire = !cancelRun,
        };

        /// <summary>Serialised body of an instance record, for tests and -Debug.</summary>
        internal static string InstanceRecordJson(string? detail, string? assignTo, bool close, bool cancelRun) =>
            JsonSerializer.Serialize(BuildInstanceRecord(detail, assignTo, close, cancelRun), DqcRestJsonContext.Default.InstanceRecordRequest);

        // ---- helpers -------------------------------------------------------------------------------------------

        private async Task SendBatchAsync(string path, byte[] body, CancellationToken cancellationToken)
        {
            // BatchDeleteTemplates defines no body; the job and instance batches answer {error_code, error_msg}, which
            // is only logged: any 2xx is success.
            var answer = await SendOptionalBodyAsync(HttpMethod.Post, Connection.QualityUri(path), body,
                DqcRestJsonContext.Default.ErrorBody, cancellationToken).ConfigureAwait(false);
            if (answer?.ErrorCode != null) Log.Verbose($"{path}: {answer.ErrorCode} {answer.ErrorMsg}");
        }

        internal static string RestId(string value, string what) => DqcIds.Require(value, what);

        private static List<string> CheckBatch(IReadOnlyList<string> ids, string what)
        {
            if (ids is null || ids.Count == 0) throw new ArgumentException($"No {what}s to send.");
            if (ids.Count > MaxIdsPerBatch) throw new ArgumentException($"At most {MaxIdsPerBatch} {what}s per request; got {ids.Count}.");
            return ids.Select(i => RestId(i, what)).ToList();
        }

        internal static KeyValuePair<string, string> RestPair(string key, string value) => new KeyValuePair<string, string>(key, value);

        private static List<KeyValuePair<string, string>> RestPage(IEnumerable<KeyValuePair<string, string>> filters, long offset, int limit)
        {
            var q = new List<KeyValuePair<string, string>>(filters);
            q.Add(RestPair("limit", limit.ToString(CultureInfo.InvariantCulture)));
            q.Add(RestPair("offset", offset.ToString(CultureInfo.InvariantCulture)));
            return q;
        }
    }
}

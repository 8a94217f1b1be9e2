namespace DataArtsQuality.Client;

/// <summary>Instances (runs of a job): lists, results, stop and handling records.</summary>
internal sealed partial class DqcClient
{
    /// <summary>
    /// ListInstances, one page per request. <paramref name="filter"/> is applied on the client (the API cannot
    /// filter by job or instance ID); Skip/First then count the matching instances.
    /// </summary>
    public DqcPager<DqcInstance> ListInstances(DqcInstanceQuery? query = null, ulong skip = 0, ulong? first = null,
        Func<DqcInstance, bool>? filter = null)
    {
        var filters = (query ?? new DqcInstanceQuery()).ToQuery();
        return new DqcPager<DqcInstance>((offset, limit, ct) => ListInstancesPageAsync(filters, offset, limit, ct),
            skip, first, filter);
    }

    /// <summary>One page of the instance list.</summary>
    public async Task<DqcPage<DqcInstance>> ListInstancesPageAsync(IReadOnlyList<KeyValuePair<string, string>> filters,
        long offset, int limit, CancellationToken cancellationToken)
    {
        var uri = Connection.QualityUri("instances", WithPaging(filters, offset, limit));
        var page = await SendAsync(HttpMethod.Get, uri, null, DqcJsonContext.Default.InstancePageWire,
            cancellationToken).ConfigureAwait(false);
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
        return new DqcPager<DqcInstanceResult>(
            (offset, limit, ct) => ListInstanceResultsPageAsync(id, offset, limit, ct), skip, first);
    }

    private async Task<DqcPage<DqcInstanceResult>> ListInstanceResultsPageAsync(string instanceId, long offset,
        int limit,
        CancellationToken cancellationToken)
    {
        var uri = Connection.QualityUri("instances/" + Uri.EscapeDataString(instanceId) + "/result",
            WithPaging(Array.Empty<KeyValuePair<string, string>>(), offset, limit));
        var page = await SendAsync(HttpMethod.Get, uri, null, DqcJsonContext.Default.InstanceResultPageWire,
            cancellationToken).ConfigureAwait(false);
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

    /// <summary>BatchStopQualityInstances: a bare array; 406 when an instance cannot be stopped.</summary>
    public Task StopInstancesAsync(IReadOnlyList<string> instanceIds, CancellationToken cancellationToken)
        => SendBatchAsync("instances/batch-stop", DqcBatchBody.BareArray(CheckBatch(instanceIds, "instance ID")),
            cancellationToken);

    /// <summary>
    /// UpdateQualityInstanceRecord. <paramref name="cancelRun"/> true stops the run: the wire field cancel_run has the
    /// documented inverted polarity (false = cancel, true = do not cancel), so it is always sent, as the opposite.
    /// </summary>
    public async Task<string?> UpdateInstanceRecordAsync(string instanceId, string? detail, string? assignTo,
        bool close,
        bool cancelRun, CancellationToken cancellationToken)
    {
        string id = DqcIds.Require(instanceId, "instance ID");
        var body = BuildInstanceRecord(detail, assignTo, close, cancelRun);
        var answer = await SendOptionalBodyAsync(HttpMethod.Put, Connection.QualityUri("instances/" + id),
            JsonSerializer.SerializeToUtf8Bytes(body, DqcJsonContext.Default.InstanceRecordRequest),
            DqcJsonContext.Default.DataStringWire, cancellationToken).ConfigureAwait(false);
        if (answer?.Data is JsonElement data)
            return data.ValueKind == JsonValueKind.String ? data.GetString() : data.ValueKind == JsonValueKind.Null ? null : data.GetRawText();
        return null;
    }

    internal static InstanceRecordRequest BuildInstanceRecord(string? detail, string? assignTo, bool close,
        bool cancelRun) => new InstanceRecordRequest
    {
        Detail = detail,
        Operator = assignTo,
        Open = !close,
        CancelRunWire = !cancelRun,
    };

    /// <summary>Serialised body of an instance record, for tests and -Debug.</summary>
    internal static string InstanceRecordJson(string? detail, string? assignTo, bool close, bool cancelRun) =>
        JsonSerializer.Serialize(BuildInstanceRecord(detail, assignTo, close, cancelRun),
            DqcJsonContext.Default.InstanceRecordRequest);
}

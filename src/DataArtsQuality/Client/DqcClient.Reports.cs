namespace DataArtsQuality.Client;

/// <summary>The seven quality-report operations (docs/service-notes.md, Reports).</summary>
internal sealed partial class DqcClient
{
    /// <summary>GetQualityReportScoring: the configured maximum score.</summary>
    public async Task<int?> GetReportFullScoreAsync(CancellationToken cancellationToken)
        => (await SendAsync(HttpMethod.Get, Connection.QualityUri("report/scoring"), null,
            DqcJsonContext.Default.FullScoreWire, cancellationToken).ConfigureAwait(false)).FullScore;

    /// <summary>GetQualityReportOverview.</summary>
    public async Task<DqcReportOverview> GetReportOverviewAsync(DqcReportFilter filter,
        CancellationToken cancellationToken)
    {
        var uri = Connection.QualityUri("report/overview", filter.ToQuery(true, true, false));
        var w = await SendAsync(HttpMethod.Get, uri, null, DqcJsonContext.Default.OverviewWire, cancellationToken)
            .ConfigureAwait(false);
        return new DqcReportOverview
        {
            Dimension = Title(filter.Dimension),
            Score = w.Score,
            Ranges = (w.Ranges ?? new List<RangeWire>()).Select(
                r => new DqcScoreRange { Name = r.Name, Count = r.Count }).ToList(),
        };
    }

    /// <summary>GetQualityReportTrend: points in time order; ScoreTrendVO.timestamp is a ms epoch in a
    /// string.</summary>
    public async Task<IReadOnlyList<DqcScorePoint>> GetReportTrendAsync(DqcReportFilter filter,
        CancellationToken cancellationToken)
    {
        var uri = Connection.QualityUri("report/trend", filter.ToQuery(true, true, false));
        var w = await SendAsync(HttpMethod.Get, uri, null, DqcJsonContext.Default.TrendWire, cancellationToken)
            .ConfigureAwait(false);
        var points = new List<DqcScorePoint>();
        foreach (var p in w.Trends ?? new List<TrendPointWire>())
        {
            var time = DqcEpoch.FromMsText(p.Timestamp)
                ?? throw new DqcResponseFormatException(
                    $"GetQualityReportTrend returned the timestamp '{p.Timestamp}', not a millisecond epoch.");
            points.Add(new DqcScorePoint { Time = time, Score = p.Score });
        }
        return points.OrderBy(p => p.Time).ToList();
    }

    /// <summary>GetQualityReportRules, one page per request.</summary>
    public DqcPager<DqcReportRule> ListReportRules(DqcReportFilter filter, ulong skip = 0, ulong? first = null)
    {
        var q = filter.ToQuery(false, false, true);
        return new DqcPager<DqcReportRule>(async (offset, limit, ct) =>
        {
            var uri = Connection.QualityUri("report/rules", WithPaging(q, offset, limit));
            var w = await SendAsync(HttpMethod.Get, uri, null, DqcJsonContext.Default.ReportRulePageWire, ct)
                .ConfigureAwait(false);
            var items = (w.Rules ?? new List<ReportRuleWire>()).Select(r => new DqcReportRule
            {
                RuleName = r.RuleName,
                RuleId = r.RuleId,
                InstanceId = r.InstanceId,
                SubRuleInstanceId = r.SubRuleInstanceId,
                Score = r.Score,
                ScoringWeight = r.ScoringWeight,
                Type = r.Type == 0 ? "Custom" : r.Type == 1 ? "System" : r.Type?.ToString(CultureInfo.InvariantCulture),
                RuleTypeName = r.RuleTypeName,
                DimensionName = r.DimensionName,
            }).ToList();
            return new DqcPage<DqcReportRule>(w.Count, items);
        }, skip, first);
    }

    /// <summary>GetQualityReportSubRuleResults, one page of rows per request.</summary>
    public DqcPager<DqcResultRow> ListSubRuleResults(string subRuleInstanceId, DqcReportFilter filter, ulong skip = 0,
        ulong? first = null)
    {
        var q = filter.ToQuery(false, false, true);
        q.Insert(0, QueryPair("sub_rule_instance_id", DqcIds.Require(subRuleInstanceId, "sub-rule instance ID")));
        return new DqcPager<DqcResultRow>(async (offset, limit, ct) =>
        {
            var uri = Connection.QualityUri("report/sub-rule/results", WithPaging(q, offset, limit));
            var w = await SendAsync(HttpMethod.Get, uri, null, DqcJsonContext.Default.SubRuleResultPageWire, ct)
                .ConfigureAwait(false);
            IReadOnlyList<string> header = (w.Header ?? new List<string?>())
                .Select((h, i) => string.IsNullOrEmpty(h) ? "Column" + (i + 1) : h!).ToList();
            var items = (w.Rows ?? new List<List<string?>?>())
                .Select(r => new DqcResultRow(header, (IReadOnlyList<string?>?)r ?? Array.Empty<string?>())).ToList();
            return new DqcPage<DqcResultRow>(w.Count, items);
        }, skip, first);
    }

    /// <summary>GetQualityReportTechnologyScores. <paramref name="sortBy"/>: DataConnection, Database or
    /// Table.</summary>
    public DqcPager<DqcTechnologyScore> ListTechnologyScores(DqcReportFilter filter, string? sortBy, bool descending,
        ulong skip = 0, ulong? first = null)
    {
        var q = filter.ToQuery(false, false, false);
        if (sortBy != null) q.Add(QueryPair(SortKey(sortBy, new[] { "DataConnection", "Database", "Table" },
            new[] { "data_connection_score_order", "database_score_order", "table_score_order" }),
            descending ? "1" : "0"));
        return new DqcPager<DqcTechnologyScore>(async (offset, limit, ct) =>
        {
            var uri = Connection.QualityUri("report/technology/scores", WithPaging(q, offset, limit));
            var w = await SendAsync(HttpMethod.Get, uri, null, DqcJsonContext.Default.TechScorePageWire, ct)
                .ConfigureAwait(false);
            var items = (w.Scores ?? new List<TechScoreWire>()).Select(s => new DqcTechnologyScore
            {
                DataConnectionId = s.DataConnectionId,
                DataConnectionName = s.DataConnectionName,
                DatabaseName = s.DatabaseName,
                TableName = s.TableName,
                DataConnectionScore = s.DataConnectionScore,
                DatabaseScore = s.DatabaseScore,
                TableScore = s.TableScore,
            }).ToList();
            return new DqcPage<DqcTechnologyScore>(w.Count, items);
        }, skip, first);
    }

    /// <summary>GetQualityReportBusinessScores. <paramref name="sortBy"/>: L1, L2, L3 or Table.</summary>
    public DqcPager<DqcBusinessScore> ListBusinessScores(DqcReportFilter filter, string? sortBy, bool descending,
        ulong skip = 0, ulong? first = null)
    {
        var q = new List<KeyValuePair<string, string>>();
        void Add(string key, string? value) { if (!string.IsNullOrEmpty(value)) q.Add(QueryPair(key, value!)); }
        Add("table_name", filter.TableName);
        Add("l1", filter.L1);
        Add("l2", filter.L2);
        Add("l3", filter.L3);
        if (filter.From.HasValue) Add("start_timestamp", DqcTime.ToMs(filter.From.Value));
        if (filter.To.HasValue) Add("end_timestamp", DqcTime.ToMs(filter.To.Value));
        if (sortBy != null) q.Add(QueryPair(SortKey(sortBy, new[] { "L1", "L2", "L3", "Table" },
            new[] { "l1_score_order", "l2_score_order", "l3_score_order", "table_score_order" }),
            descending ? "1" : "0"));
        return new DqcPager<DqcBusinessScore>(async (offset, limit, ct) =>
        {
            var uri = Connection.QualityUri("report/business/scores", WithPaging(q, offset, limit));
            var w = await SendAsync(HttpMethod.Get, uri, null, DqcJsonContext.Default.BusinessScorePageWire, ct)
                .ConfigureAwait(false);
            var items = (w.Scores ?? new List<BusinessScoreWire>()).Select(s => new DqcBusinessScore
            {
                Id = s.Id,
                L1 = s.L1,
                L2 = s.L2,
                L3 = s.L3,
                TableName = s.TableName,
                L1Score = s.L1Score,
                L2Score = s.L2Score,
                L3Score = s.L3Score,
                TableScore = s.TableScore,
            }).ToList();
            return new DqcPage<DqcBusinessScore>(w.Count, items);
        }, skip, first);
    }

    private static string SortKey(string sortBy, string[] names, string[] keys)
    {
        for (int i = 0; i < names.Length; i++)
            if (string.Equals(names[i], sortBy, StringComparison.OrdinalIgnoreCase)) return keys[i];
        throw new ArgumentException($"Cannot sort by '{sortBy}'; use one of {string.Join(", ", names)}.");
    }

    private static string Title(string s)
        => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s.Substring(1).ToLowerInvariant();
}

namespace DataArtsQuality.Emulator.Endpoints;

/// <summary>
/// Quality reports (docs/service-notes.md, Reports): scoring, overview, trend, rules, sub-rule results, technical and
/// business scores.
/// </summary>
public static class ReportEndpoints
{
    public static void MapReportEndpoints(this IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapGet("/v2/{project_id}/quality/report/scoring",
            () => Results.Json(new JsonObject { ["full_score"] = 100 }));
        app.MapGet("/v2/{project_id}/quality/report/overview", (HttpContext context) => ShowOverview(context, state));
        app.MapGet("/v2/{project_id}/quality/report/trend", (HttpContext context) => ShowTrend(context, state));
        app.MapGet("/v2/{project_id}/quality/report/rules", (HttpContext context) => ListRules(context, state));
        app.MapGet("/v2/{project_id}/quality/report/sub-rule/results",
            (HttpContext context) => ListSubRuleResults(context, state));
        app.MapGet("/v2/{project_id}/quality/report/technology/scores",
            (HttpContext context) => ListTechnicalScores(context, state));
        app.MapGet("/v2/{project_id}/quality/report/business/scores",
            (HttpContext context) => ListBusinessScores(context, state));
    }

    private static IResult ShowOverview(HttpContext context, EmulatorState state)
    {
        var (scores, error) = DimensionScores(context, state);
        if (error != null) return error;
        string[] names = { "80-100", "60-80", "40-60", "20-40", "0-20" };
        var counts = new int[5];
        foreach (double s in scores!) counts[s >= 80 ? 0 : s >= 60 ? 1 : s >= 40 ? 2 : s >= 20 ? 3 : 4]++;
        return Results.Json(new JsonObject
        {
            ["score"] = scores.Count == 0 ? 0 : Math.Round(scores.Average(), 2),
            ["ranges"] = new JsonArray(names
                .Select((n, i) => (JsonNode?)new JsonObject { ["count"] = counts[i], ["name"] = n })
                .ToArray()),
        });
    }

    /// <summary>
    /// Seven daily points at midnight UTC+8 ending today; timestamp is a ms epoch in a string (ScoreTrendVO).
    /// </summary>
    private static IResult ShowTrend(HttpContext context, EmulatorState state)
    {
        var (scores, error) = DimensionScores(context, state);
        if (error != null) return error;
        if (!context.TryQueryLong("start_timestamp", out long? from, out error)
            || !context.TryQueryLong("end_timestamp", out long? to, out error))
            return error!;
        double avg = scores!.Count == 0 ? 0 : scores.Average();
        var today = new DateTimeOffset(
            DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Date, TimeSpan.FromHours(8));
        var points = Enumerable.Range(0, 7)
            .Select(d => (
                Ms: today.AddDays(d - 6).ToUnixTimeMilliseconds(),
                Score: Math.Round(avg + (d - 3) * 0.37, 2)))
            .Where(p => (from is null || p.Ms >= from) && (to is null || p.Ms <= to));
        return Results.Json(new JsonObject
        {
            ["trends"] = new JsonArray(points
                .Select(p => (JsonNode?)new JsonObject
                {
                    ["score"] = p.Score, ["timestamp"] = p.Ms.ToString(CultureInfo.InvariantCulture),
                })
                .ToArray()),
        });
    }

    private static IResult ListRules(HttpContext context, EmulatorState state)
    {
        var (paging, error) = Paging.Strict(context);
        if (error != null) return error;
        lock (state.Lock)
        {
            var rows = context.Tenant().Reports.Rules
                .Where(r => TableMatch(context, r.ConnectionId, r.Database, r.Table, r.TableObjectName))
                .ToList();
            return Counted("rules", rows, paging, r => new JsonObject
            {
                ["rule_name"] = r.RuleName, ["type"] = r.Type, ["score"] = r.Score, ["rule_id"] = r.RuleId,
                ["instance_id"] = r.InstanceId,
                ["scoring_weight"] = r.Weight, ["rule_type_name"] = r.RuleTypeName,
                ["dimension_name"] = r.DimensionName,
                ["sub_rule_instance_id"] = r.SubRuleInstanceId,
            });
        }
    }

    private static IResult ListSubRuleResults(HttpContext context, EmulatorState state)
    {
        var (paging, error) = Paging.Strict(context);
        if (error != null) return error;
        string? id = context.Query("sub_rule_instance_id");
        if (id is null) return ApiErrors.InvalidField("sub_rule_instance_id is required.");
        lock (state.Lock)
        {
            if (!context.Tenant().Reports.SubRuleRows.TryGetValue(id, out var rows))
                return ApiErrors.NoSuch("sub-rule instance", id);
            return Results.Json(new JsonObject
            {
                ["count"] = rows.Count,
                ["header"] = new JsonArray(
                    ReportData.SubRuleHeader.Select(h => (JsonNode?)JsonValue.Create(h)).ToArray()),
                ["rows"] = new JsonArray(paging.Of(rows)
                    .Select(r => (JsonNode?)new JsonArray(r.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()))
                    .ToArray()),
            });
        }
    }

    private static IResult ListTechnicalScores(HttpContext context, EmulatorState state)
    {
        var (paging, error) = Paging.Strict(context);
        if (error != null) return error;
        var (order, orderError) = Order<TechnicalScoreRow>(context,
            ("data_connection_score_order", r => r.ConnectionScore),
            ("database_score_order", r => r.DatabaseScore), ("table_score_order", r => r.TableScore));
        if (orderError != null) return orderError;
        lock (state.Lock)
        {
            var rows = context.Tenant().Reports.TechnicalScores
                .Where(r => TableMatch(context, r.ConnectionId, r.Database, r.Table, null));
            return Counted("scores", Sorted(rows, order), paging, r => new JsonObject
            {
                ["data_connection_id"] = r.ConnectionId, ["data_connection_name"] = r.ConnectionName,
                ["data_connection_score"] = r.ConnectionScore,
                ["database_name"] = r.Database, ["database_score"] = r.DatabaseScore, ["table_name"] = r.Table,
                ["table_score"] = r.TableScore,
            });
        }
    }

    private static IResult ListBusinessScores(HttpContext context, EmulatorState state)
    {
        var (paging, error) = Paging.Strict(context);
        if (error != null) return error;
        var (order, orderError) = Order<BusinessScoreRow>(context,
            ("l1_score_order", r => r.L1Score ?? -1), ("l2_score_order", r => r.L2Score ?? -1),
            ("l3_score_order", r => r.L3Score ?? -1), ("table_score_order", r => r.TableScore));
        if (orderError != null) return orderError;
        string? table = context.Query("table_name");
        lock (state.Lock)
        {
            var rows = context.Tenant().Reports.BusinessScores.Where(r => LevelMatch(context, r)
                && (table is null || r.TableName.EndsWith(table, StringComparison.Ordinal)));
            return Counted("scores", Sorted(rows, order), paging, r => new JsonObject
            {
                ["id"] = r.Id, ["l1"] = r.L1, ["l2"] = r.L2, ["l3"] = r.L3, ["table_name"] = r.TableName,
                ["l1_score"] = r.L1Score, ["l2_score"] = r.L2Score, ["l3_score"] = r.L3Score,
                ["table_score"] = r.TableScore,
            });
        }
    }

    /// <summary>The table scores an overview or trend covers; quality_score_dimension is required.</summary>
    private static (List<double>? Scores, IResult? Error) DimensionScores(HttpContext context, EmulatorState state)
    {
        string? dimension = context.Query("quality_score_dimension");
        if (dimension != "technology" && dimension != "business")
            return (null, ApiErrors.InvalidField("quality_score_dimension is required: technology or business."));
        lock (state.Lock)
        {
            var reports = context.Tenant().Reports;
            if (dimension == "technology")
            {
                return (reports.TechnicalScores
                    .Where(r => TableMatch(context, r.ConnectionId, r.Database, r.Table, null))
                    .Select(r => r.TableScore)
                    .ToList(), null);
            }
            return (reports.BusinessScores.Where(r => LevelMatch(context, r)).Select(r => r.TableScore).ToList(), null);
        }
    }

    private static bool TableMatch(
        HttpContext context, string connection, string database, string table, string? tableObject)
    {
        string? c = context.Query("data_connection_id"), d = context.Query("database_name"),
            t = context.Query("table_name"), o = context.Query("table_object_name");
        if (o != null) return tableObject == o;
        return (c is null || c == connection) && (d is null || d == database) && (t is null || t == table);
    }

    /// <summary>The l1, l2 and l3 filters of the business dimension: exact, each optional.</summary>
    private static bool LevelMatch(HttpContext context, BusinessScoreRow r)
    {
        string? l1 = context.Query("l1"), l2 = context.Query("l2"), l3 = context.Query("l3");
        return (l1 is null || r.L1 == l1) && (l2 is null || r.L2 == l2) && (l3 is null || r.L3 == l3);
    }

    /// <summary>
    /// The *_score_order switches: 0 ascending, 1 descending, at most one (they are mutually exclusive).
    /// </summary>
    private static ((Func<T, double> Key, bool Descending)? Order, IResult? Error) Order<T>(
        HttpContext context, params (string Name, Func<T, double> Key)[] keys)
    {
        var given = keys.Where(k => context.Query(k.Name) != null).ToList();
        if (given.Count > 1) return (null, ApiErrors.InvalidField("Only one *_score_order may be given."));
        if (given.Count == 0) return (null, null);
        string v = context.Query(given[0].Name)!;
        if (v != "0" && v != "1") return (null, ApiErrors.InvalidField($"{given[0].Name} must be 0 or 1."));
        return ((given[0].Key, v == "1"), null);
    }

    private static List<T> Sorted<T>(IEnumerable<T> rows, (Func<T, double> Key, bool Descending)? order) =>
        (order is null ? rows
            : order.Value.Descending ? rows.OrderByDescending(order.Value.Key)
            : rows.OrderBy(order.Value.Key)).ToList();

    /// <summary>{count, &lt;key&gt;: [page]}, the report lists' shape.</summary>
    private static IResult Counted<T>(string key, List<T> rows, Paging paging, Func<T, JsonObject> toJson) =>
        Results.Json(new JsonObject
        {
            ["count"] = rows.Count,
            [key] = new JsonArray(paging.Of(rows).Select(r => (JsonNode?)toJson(r)).ToArray()),
        });
}

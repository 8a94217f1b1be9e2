using System.Globalization;
using System.Text.Json.Nodes;
using DataArtsQuality.Emulator.Gateway;
using DataArtsQuality.Emulator.State;

namespace DataArtsQuality.Emulator.Endpoints;

public static partial class RestEndpoints
{
    private static void MapReports(IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapGet("/v2/{project_id}/quality/report/scoring", () => Results.Json(new JsonObject { ["full_score"] = 100 }));

        app.MapGet("/v2/{project_id}/quality/report/overview", (HttpContext context) =>
        {
            var (scores, error) = DimensionScores(context, state);
            if (error != null) return error;
            string[] names = { "80-100", "60-80", "40-60", "20-40", "0-20" };
            var counts = new int[5];
            foreach (double s in scores!) counts[s >= 80 ? 0 : s >= 60 ? 1 : s >= 40 ? 2 : s >= 20 ? 3 : 4]++;
            return Results.Json(new JsonObject
            {
                ["score"] = scores.Count == 0 ? 0 : Math.Round(scores.Average(), 2),
                ["ranges"] = new JsonArray(names.Select((n, i) => (JsonNode?)new JsonObject { ["count"] = counts[i], ["name"] = n }).ToArray()),
            });
        });

        // Seven daily points at midnight UTC+8 ending today; timestamp is a ms epoch in a string (ScoreTrendVO).
        app.MapGet("/v2/{project_id}/quality/report/trend", (HttpContext context) =>
        {
            var (scores, error) = DimensionScores(context, state);
            if (error != null) return error;
            if (!TryLongQuery(context, "start_timestamp", out long? from, out error) || !TryLongQuery(context, "end_timestamp", out long? to, out error)) return error!;
            double avg = scores!.Count == 0 ? 0 : scores.Average();
            var today = new DateTimeOffset(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Date, TimeSpan.FromHours(8));
            var points = Enumerable.Range(0, 7).Select(d => (Ms: today.AddDays(d - 6).ToUnixTimeMilliseconds(), Score: Math.Round(avg + (d - 3) * 0.37, 2)))
                .Where(p => (from is null || p.Ms >= from) && (to is null || p.Ms <= to));
            return Results.Json(new JsonObject
            {
                ["trends"] = new JsonArray(points.Select(p => (JsonNode?)new JsonObject { ["score"] = p.Score, ["timestamp"] = p.Ms.ToString(CultureInfo.InvariantCulture) }).ToArray()),
            });
        });

        app.MapGet("/v2/{project_id}/quality/report/rules", (HttpContext context) =>
        {
            var (limit, offset, error) = Paging(context);
            if (error != null) return error;
            lock (state.Lock)
            {
                var rows = RestData.For(context.Tenant()).ReportRules.Where(r => TableMatch(context, r.ConnectionId, r.Database, r.Table, r.TableObjectName)).ToList();
                return Results.Json(new JsonObject
                {
                    ["count"] = rows.Count,
                    ["rules"] = new JsonArray(rows.Skip(offset).Take(limit).Select(r => (JsonNode?)new JsonObject
                    {
                        ["rule_name"] = r.RuleName, ["type"] = r.Type, ["score"] = r.Score, ["rule_id"] = r.RuleId, ["instance_id"] = r.InstanceId,
                        ["scoring_weight"] = r.Weight, ["rule_type_name"] = r.RuleTypeName, ["dimension_name"] = r.DimensionName,
                        ["sub_rule_instance_id"] = r.SubRuleInstanceId,
                    }).ToArray()),
                });
            }
        });

        app.MapGet("/v2/{project_id}/quality/report/sub-rule/results", (HttpContext context) =>
        {
            var (limit, offset, error) = Paging(context);
            if (error != null) return error;
            string? id = Query(context, "sub_rule_instance_id");
            if (id is null) return ApiErrors.Dqc(400, BadField, "sub_rule_instance_id is required.");
            lock (state.Lock)
            {
                if (!RestData.For(context.Tenant()).SubRuleRows.TryGetValue(id, out var rows))
                    return ApiErrors.Dqc(400, NotFound, $"The sub-rule instance {id} does not exist.");
                return Results.Json(new JsonObject
                {
                    ["count"] = rows.Count,
                    ["header"] = new JsonArray(RestData.SubRuleHeader.Select(h => (JsonNode?)JsonValue.Create(h)).ToArray()),
                    ["rows"] = new JsonArray(rows.Skip(offset).Take(limit).Select(r => (JsonNode?)new JsonArray(r.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray())).ToArray()),
                });
            }
        });

        app.MapGet("/v2/{project_id}/quality/report/technology/scores", (HttpContext context) =>
        {
            var (limit, offset, error) = Paging(context);
            if (error != null) return error;
            var (order, orderError) = Order(context, ("data_connection_score_order", r => ((TechRow)r).ConnectionScore),
                ("database_score_order", r => ((TechRow)r).DatabaseScore), ("table_score_order", r => ((TechRow)r).TableScore));
            if (orderError != null) return orderError;
            lock (state.Lock)
            {
                IEnumerable<TechRow> rows = RestData.For(context.Tenant()).TechScores.Where(r => TableMatch(context, r.ConnectionId, r.Database, r.Table, null));
                if (order != null) rows = order.Value.Descending ? rows.OrderByDescending(r => order.Value.Key(r)) : rows.OrderBy(r => order.Value.Key(r));
                var list = rows.ToList();
                return Results.Json(new JsonObject
                {
                    ["count"] = list.Count,
                    ["scores"] = new JsonArray(list.Skip(offset).Take(limit).Select(r => (JsonNode?)new JsonObject
                    {
                        ["data_connection_id"] = r.ConnectionId, ["data_connection_name"] = r.ConnectionName, ["data_connection_score"] = r.ConnectionScore,
                        ["database_name"] = r.Database, ["database_score"] = r.DatabaseScore, ["table_name"] = r.Table, ["table_score"] = r.TableScore,
                    }).ToArray()),
                });
            }
        });

        app.MapGet("/v2/{project_id}/quality/report/business/scores", (HttpContext context) =>
        {
            var (limit, offset, error) = Paging(context);
            if (error != null) return error;
            var (order, orderError) = Order(context, ("l1_score_order", r => ((BusinessRow)r).L1Score ?? -1), ("l2_score_order", r => ((BusinessRow)r).L2Score ?? -1),
                ("l3_score_order", r => ((BusinessRow)r).L3Score ?? -1), ("table_score_order", r => ((BusinessRow)r).TableScore));
            if (orderError != null) return orderError;
            string? l1 = Query(context, "l1"), l2 = Query(context, "l2"), l3 = Query(context, "l3"), table = Query(context, "table_name");
            lock (state.Lock)
            {
                IEnumerable<BusinessRow> rows = RestData.For(context.Tenant()).BusinessScores.Where(r =>
                    (l1 is null || r.L1 == l1) && (l2 is null || r.L2 == l2) && (l3 is null || r.L3 == l3)
                    && (table is null || r.TableName.EndsWith(table, StringComparison.Ordinal)));
                if (order != null) rows = order.Value.Descending ? rows.OrderByDescending(r => order.Value.Key(r)) : rows.OrderBy(r => order.Value.Key(r));
                var list = rows.ToList();
                return Results.Json(new JsonObject
                {
                    ["count"] = list.Count,
                    ["scores"] = new JsonArray(list.Skip(offset).Take(limit).Select(r => (JsonNode?)new JsonObject
                    {
                        ["id"] = r.Id, ["l1"] = r.L1, ["l2"] = r.L2, ["l3"] = r.L3, ["table_name"] = r.TableName,
                        ["l1_score"] = r.L1Score, ["l2_score"] = r.L2Score, ["l3_score"] = r.L3Score, ["table_score"] = r.TableScore,
                    }).ToArray()),
                });
            }
        });
    }

    /// <summary>The table scores an overview or trend covers; quality_score_dimension is required.</summary>
    private static (List<double>? Scores, IResult? Error) DimensionScores(HttpContext context, EmulatorState state)
    {
        string? dimension = Query(context, "quality_score_dimension");
        if (dimension != "technology" && dimension != "business")
            return (null, ApiErrors.Dqc(400, BadField, "quality_score_dimension is required: technology or business."));
        lock (state.Lock)
        {
            var data = RestData.For(context.Tenant());
            if (dimension == "technology")
                return (data.TechScores.Where(r => TableMatch(context, r.ConnectionId, r.Database, r.Table, null)).Select(r => r.TableScore).ToList(), null);
            string? l1 = Query(context, "l1"), l2 = Query(context, "l2"), l3 = Query(context, "l3");
            return (data.BusinessScores.Where(r => (l1 is null || r.L1 == l1) && (l2 is null || r.L2 == l2) && (l3 is null || r.L3 == l3)).Select(r => r.TableScore).ToList(), null);
        }
    }

    private static bool TableMatch(HttpContext context, string connection, string database, string table, string? tableObject)
    {
        string? c = Query(context, "data_connection_id"), d = Query(context, "database_name"), t = Query(context, "table_name"), o = Query(context, "table_object_name");
        if (o != null) return tableObject == o;
        return (c is null || c == connection) && (d is null || d == database) && (t is null || t == table);
    }

    /// <summary>The *_score_order switches: 0 ascending, 1 descending, at most one (they are mutually exclusive).</summary>
    private static ((Func<object, double> Key, bool Descending)? Order, IResult? Error) Order(HttpContext context, params (string Name, Func<object, double> Key)[] keys)
    {
        var given = keys.Where(k => Query(context, k.Name) != null).ToList();
        if (given.Count > 1) return (null, ApiErrors.Dqc(400, BadField, "Only one *_score_order may be given."));
        if (given.Count == 0) return (null, null);
        string v = Query(context, given[0].Name)!;
        if (v != "0" && v != "1") return (null, ApiErrors.Dqc(400, BadField, $"{given[0].Name} must be 0 or 1."));
        return ((given[0].Key, v == "1"), null);
    }
}

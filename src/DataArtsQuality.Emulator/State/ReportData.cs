using System.Runtime.CompilerServices;

namespace DataArtsQuality.Emulator.State;

/// <summary>
/// What issue 6's endpoints keep per tenant: categories, rule templates, import/export tasks, report data and the
/// instance handling log. Attached to the <see cref="Tenant"/> object, so /_emulator/reset (which makes new tenants)
/// resets it too. Guarded by the state's lock like the rest of the tenant.
/// </summary>
public sealed class RestData
{
    private static readonly ConditionalWeakTable<Tenant, RestData> Table = new();

    public static RestData For(Tenant tenant) => Table.GetValue(tenant, t => new RestData(t));

    public const long FinanceCategory = 1012384968858652701;
    public const long DailyCategory = 1012384968858652711;
    public const long MarketingCategory = 1012384968858652703;
    public const long UserTemplate = 1012384820829081601;
    public const long SecondUserTemplate = 1035847774756868097;

    private RestData(Tenant tenant)
    {
        // The documented root (§6): {id:0, name:"All", type:"built_in", pid:"-1"}.
        Root = new EmulatedCategory(0, "All", "built_in");
        var finance = Root.Add(new EmulatedCategory(FinanceCategory, "finance", "user-defined"));
        finance.Add(new EmulatedCategory(DailyCategory, "daily", "user-defined"));
        Root.Add(new EmulatedCategory(MarketingCategory, "marketing", "user-defined"));

        // System templates have small IDs and creator "System" (§2.2 example); two user templates with 19-digit IDs.
        long t0 = 1571328000000;
        Templates.Add(new EmulatedTemplate { Id = 1, Name = "Number of table rows", Dimension = "Accuracy", Type = "Table", System = true, Sql = "select count(1) from ${Schema_Table1}", ResultDescription = "Total number of rows: ${1}", CreateTime = t0, Creator = "System" });
        Templates.Add(new EmulatedTemplate { Id = 2, Name = "Null value scan", Dimension = "Completeness", Type = "Field", System = true, Sql = "select count(*) from ${Schema_Table1} where ${Column1} is null", ResultDescription = "Null rows: ${1}", CreateTime = t0, Creator = "System" });
        Templates.Add(new EmulatedTemplate { Id = 3, Name = "Field uniqueness", Dimension = "Uniqueness", Type = "Field", System = true, Sql = "select count(distinct ${Column1}) from ${Schema_Table1}", ResultDescription = "Distinct values: ${1}", CreateTime = t0, Creator = "System" });
        Templates.Add(new EmulatedTemplate { Id = 4, Name = "Regular expression", Dimension = "Validity", Type = "Field", System = true, Sql = "select count(*) from ${Schema_Table1} where not regexp_like(${Column1}, '${Regex}')", ResultDescription = "Mismatches: ${1}", CreateTime = t0, Creator = "System" });
        Templates.Add(new EmulatedTemplate { Id = UserTemplate, Name = "orders_row_count", Dimension = "Uniqueness", Type = "Table", Sql = "select count(*) from ${Schema_Table1}", ResultDescription = "row : ${1}", CreateTime = 1661412950486, Creator = "ei", CategoryId = FinanceCategory, Description = "Rows of the orders table", AbnormalSql = "select * from ${Schema_Table1}" });
        Templates.Add(new EmulatedTemplate { Id = SecondUserTemplate, Name = "late_payments", Dimension = "Timeliness", Type = "Table", Sql = "select count(*) from ${Schema_Table1} where paid_at > due_at", ResultDescription = "late : ${1}", CreateTime = 1661412990486, Creator = "data_ops", CategoryId = MarketingCategory });

        SeedReports(tenant);
    }

    public EmulatedCategory Root { get; }
    public List<EmulatedTemplate> Templates { get; } = new();
    public Dictionary<string, ResourceTask> Tasks { get; } = new(StringComparer.Ordinal);
    public List<(long InstanceId, string Body)> InstanceRecords { get; } = new();

    public List<TechRow> TechScores { get; } = new();
    public List<BusinessRow> BusinessScores { get; } = new();
    public List<ReportRuleRow> ReportRules { get; } = new();
    public Dictionary<string, List<string[]>> SubRuleRows { get; } = new(StringComparer.Ordinal);

    public static readonly string[] SubRuleHeader =
    {
        "Field name", "Rule description", "Score", "Field weight", "Number of rows with a null value", "Total number of rows",
        "Null value rate", "Alarm status",
    };

    public const string Connection1 = "2d9dcb2076b34bbab1c675f070d6af9d";
    public const string Connection2 = "43b9e6315eda4918970cfcbbbfb74cb1";

    /// <summary>Deterministic report data: 12 tables over two connections, business rows for some, 3 rules per table,
    /// and 150 field rows under the first rule's sub-rule instance (so result paging has two pages).</summary>
    private void SeedReports(Tenant tenant)
    {
        string[] tables = { "public.orders", "public.customers", "public.payments", "public.shipments", "public.invoices", "public.refunds" };
        long subRuleInstance = 1047298617787944961;
        for (int i = 0; i < 12; i++)
        {
            string conn = i < 6 ? Connection1 : Connection2;
            string db = i < 6 ? "postgres" : "sales";
            string table = tables[i % 6];
            double tableScore = Math.Round(100 - (i * 37 % 100) * 0.9, 2);
            TechScores.Add(new TechRow(conn, i < 6 ? "dws" : "dli", db, table, i < 6 ? 65.0 : 72.5, i < 6 ? 64.25 : 71.5, tableScore));
            if (i % 2 == 0)
                BusinessScores.Add(new BusinessRow((1047319323363946497 + i).ToString(), i < 6 ? "finance" : "sales", i < 4 ? "billing" : null, null,
                    $"{conn}.{db}.{table}", Math.Round(83.33 - i, 2), i < 4 ? 80.0 : null, null, tableScore));
            for (int r = 0; r < 3; r++)
            {
                string sri = (subRuleInstance++).ToString();
                ReportRules.Add(new ReportRuleRow(conn, db, table, $"{conn}.{db}.{table}", $"{table.Split('.')[1]}_rule_{r}", r == 0 ? 1 : 0,
                    Math.Round(tableScore - r * 5, 2), (1044554894322835457 + i * 10 + r).ToString(), (1047298515736334337 + i * 10 + r).ToString(),
                    5, r == 0 ? "Data table null value scan" : "Field uniqueness", r == 0 ? "Completeness" : "Uniqueness", sri));
                int rows = i == 0 && r == 0 ? 150 : 2;
                var list = new List<string[]>();
                for (int k = 0; k < rows; k++)
                    list.Add(new[] { $"{db}.{table}.col_{k:000}", "Data table null value scan", "0.0", "5", k.ToString(), "1000", "0.0", k % 10 == 0 ? "true" : "false" });
                SubRuleRows[sri] = list;
            }
        }
    }
}

public sealed class EmulatedCategory(long id, string name, string type)
{
    public long Id { get; } = id;
    public string Name { get; } = name;
    public string Type { get; } = type;
    public EmulatedCategory? Parent { get; private set; }
    public List<EmulatedCategory> Children { get; } = new();

    public EmulatedCategory Add(EmulatedCategory child)
    {
        child.Parent = this;
        Children.Add(child);
        return child;
    }

    public IEnumerable<EmulatedCategory> All() => new[] { this }.Concat(Children.SelectMany(c => c.All()));
}

public sealed class EmulatedTemplate
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public long CategoryId { get; set; }
    public string Dimension { get; set; } = "Accuracy";
    public string Type { get; set; } = "Table";
    public bool System { get; set; }
    public string? Sql { get; set; }
    public string? AbnormalSql { get; set; }
    public string? ResultDescription { get; set; }
    public string? Description { get; set; }
    public long CreateTime { get; set; }
    public string Creator { get; set; } = "ei";
    public bool Published { get; set; }
    public string? VersionName { get; set; }
}

/// <summary>An import or export task. Each status read moves it one step (WAITING → RUNNING → SUCCESS, then file
/// PREPARING → GENERATED) [inf: the real timing is undocumented; per-read steps keep tests fast and deterministic].</summary>
public sealed class ResourceTask
{
    public string ResourceId { get; init; } = "";
    public string Id { get; init; } = "";
    public string Action { get; init; } = "EXPORT";
    public string WireType { get; init; } = "";
    public string FileName { get; set; } = "";
    public int Reads { get; set; }
    public string Status { get; set; } = "WAITING";
    public string FileStatus { get; set; } = "PREPARING";
    public string? FailWith { get; set; }
    public string ErrorMsg { get; set; } = "";
    public byte[] Content { get; set; } = Array.Empty<byte>();
    public long StartTime { get; init; }
    public long? EndTime { get; set; }
    /// <summary>Runs once when an import task reaches SUCCESS; returns an error message to fail instead.</summary>
    public Func<string?>? OnComplete { get; set; }
    public bool Imported { get; set; }
}

public sealed record TechRow(string ConnectionId, string ConnectionName, string Database, string Table, double ConnectionScore, double DatabaseScore, double TableScore);
public sealed record BusinessRow(string Id, string? L1, string? L2, string? L3, string TableName, double? L1Score, double? L2Score, double? L3Score, double TableScore);
public sealed record ReportRuleRow(string ConnectionId, string Database, string Table, string TableObjectName, string RuleName, int Type, double Score,
    string RuleId, string InstanceId, int Weight, string RuleTypeName, string DimensionName, string SubRuleInstanceId);

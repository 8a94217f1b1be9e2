namespace DataArtsQuality.Emulator.State;

/// <summary>
/// A workspace's quality report: technical and business table scores, the rules behind each table, and the field
/// rows of each rule's sub-rule instance. Deterministic: 12 tables over two connections, business rows for some, 3
/// rules per table, and 150 field rows under the first rule's sub-rule instance (so result paging has two pages).
/// </summary>
public sealed class ReportData
{
    public const string Connection1 = "2d9dcb2076b34bbab1c675f070d6af9d";
    public const string Connection2 = "43b9e6315eda4918970cfcbbbfb74cb1";

    public static readonly string[] SubRuleHeader =
    {
        "Field name", "Rule description", "Score", "Field weight", "Number of rows with a null value",
        "Total number of rows", "Null value rate", "Alarm status",
    };

    public List<TechnicalScoreRow> TechnicalScores { get; } = new();
    public List<BusinessScoreRow> BusinessScores { get; } = new();
    public List<ReportRuleRow> Rules { get; } = new();
    public Dictionary<string, List<string[]>> SubRuleRows { get; } = new(StringComparer.Ordinal);

    public ReportData()
    {
        string[] tables =
        {
            "public.orders", "public.customers", "public.payments", "public.shipments", "public.invoices",
            "public.refunds",
        };
        long subRuleInstance = 1047298617787944961;
        for (int i = 0; i < 12; i++)
        {
            string conn = i < 6 ? Connection1 : Connection2;
            string db = i < 6 ? "postgres" : "sales";
            string table = tables[i % 6];
            double tableScore = Math.Round(100 - (i * 37 % 100) * 0.9, 2);
            TechnicalScores.Add(new TechnicalScoreRow(conn, i < 6 ? "dws" : "dli", db, table,
                i < 6 ? 65.0 : 72.5, i < 6 ? 64.25 : 71.5, tableScore));
            if (i % 2 == 0)
            {
                BusinessScores.Add(new BusinessScoreRow((1047319323363946497 + i).ToString(),
                    i < 6 ? "finance" : "sales", i < 4 ? "billing" : null, null,
                    $"{conn}.{db}.{table}", Math.Round(83.33 - i, 2), i < 4 ? 80.0 : null, null, tableScore));
            }
            for (int r = 0; r < 3; r++)
            {
                string sri = (subRuleInstance++).ToString();
                Rules.Add(new ReportRuleRow(conn, db, table, $"{conn}.{db}.{table}",
                    $"{table.Split('.')[1]}_rule_{r}", r == 0 ? 1 : 0,
                    Math.Round(tableScore - r * 5, 2), (1044554894322835457 + i * 10 + r).ToString(),
                    (1047298515736334337 + i * 10 + r).ToString(),
                    5, r == 0 ? "Data table null value scan" : "Field uniqueness",
                    r == 0 ? "Completeness" : "Uniqueness", sri));
                int rows = i == 0 && r == 0 ? 150 : 2;
                var list = new List<string[]>();
                for (int k = 0; k < rows; k++)
                {
                    list.Add(new[]
                    {
                        $"{db}.{table}.col_{k:000}", "Data table null value scan", "0.0", "5", k.ToString(), "1000",
                        "0.0", k % 10 == 0 ? "true" : "false",
                    });
                }
                SubRuleRows[sri] = list;
            }
        }
    }
}

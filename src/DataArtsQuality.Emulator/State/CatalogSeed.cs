namespace DataArtsQuality.Emulator.State;

/// <summary>The directories and rule templates every workspace starts with.</summary>
public static class CatalogSeed
{
    public const long FinanceCategory = 1012384968858652701;
    public const long DailyCategory = 1012384968858652711;
    public const long MarketingCategory = 1012384968858652703;
    public const long UserTemplate = 1012384820829081601;
    public const long SecondUserTemplate = 1035847774756868097;

    /// <summary>
    /// The documented root (docs/service-notes.md, Enumerations) {id:0, name:"All", type:"built_in", pid:"-1"} with
    /// finance (child daily) and marketing.
    /// </summary>
    public static EmulatedCategory Categories()
    {
        var root = new EmulatedCategory(0, "All", "built_in");
        var finance = root.Add(new EmulatedCategory(FinanceCategory, "finance", "user-defined"));
        finance.Add(new EmulatedCategory(DailyCategory, "daily", "user-defined"));
        root.Add(new EmulatedCategory(MarketingCategory, "marketing", "user-defined"));
        return root;
    }

    /// <summary>
    /// System templates have small IDs and creator "System" (docs/service-notes.md, Rule templates); two user templates
    /// with 19-digit IDs.
    /// </summary>
    public static List<EmulatedTemplate> Templates()
    {
        long t0 = 1571328000000;
        return
        [
            new EmulatedTemplate
            {
                Id = 1, Name = "Number of table rows", Dimension = "Accuracy", Type = "Table", System = true,
                Sql = "select count(1) from ${Schema_Table1}", ResultDescription = "Total number of rows: ${1}",
                CreateTime = t0, Creator = "System",
            },
            new EmulatedTemplate
            {
                Id = 2, Name = "Null value scan", Dimension = "Completeness", Type = "Field", System = true,
                Sql = "select count(*) from ${Schema_Table1} where ${Column1} is null",
                ResultDescription = "Null rows: ${1}", CreateTime = t0, Creator = "System",
            },
            new EmulatedTemplate
            {
                Id = 3, Name = "Field uniqueness", Dimension = "Uniqueness", Type = "Field", System = true,
                Sql = "select count(distinct ${Column1}) from ${Schema_Table1}",
                ResultDescription = "Distinct values: ${1}", CreateTime = t0, Creator = "System",
            },
            new EmulatedTemplate
            {
                Id = 4, Name = "Regular expression", Dimension = "Validity", Type = "Field", System = true,
                Sql = "select count(*) from ${Schema_Table1} where not regexp_like(${Column1}, '${Regex}')",
                ResultDescription = "Mismatches: ${1}", CreateTime = t0, Creator = "System",
            },
            new EmulatedTemplate
            {
                Id = UserTemplate, Name = "orders_row_count", Dimension = "Uniqueness", Type = "Table",
                Sql = "select count(*) from ${Schema_Table1}", ResultDescription = "row : ${1}",
                CreateTime = 1661412950486, Creator = "ei", CategoryId = FinanceCategory,
                Description = "Rows of the orders table", AbnormalSql = "select * from ${Schema_Table1}",
            },
            new EmulatedTemplate
            {
                Id = SecondUserTemplate, Name = "late_payments", Dimension = "Timeliness", Type = "Table",
                Sql = "select count(*) from ${Schema_Table1} where paid_at > due_at", ResultDescription = "late : ${1}",
                CreateTime = 1661412990486, Creator = "data_ops", CategoryId = MarketingCategory,
            },
        ];
    }
}

namespace DataArtsQuality.Client;

/// <summary>Filters shared by the quality-report calls. Null means "not filtered".</summary>
internal sealed class DqcReportFilter
{
    /// <summary>quality_score_dimension: technology or business (overview and trend).</summary>
    public string Dimension { get; set; } = "technology";
    public string? DataConnectionId { get; set; }
    public string? DatabaseName { get; set; }
    public string? TableName { get; set; }
    /// <summary>Business report table: "connection.database.schema table/table".</summary>
    public string? TableObjectName { get; set; }
    public string? L1 { get; set; }
    public string? L2 { get; set; }
    public string? L3 { get; set; }
    public DateTimeOffset? From { get; set; }
    public DateTimeOffset? To { get; set; }

    internal List<KeyValuePair<string, string>> ToQuery(bool withDimension, bool withLevels, bool withTableObject)
    {
        var q = new List<KeyValuePair<string, string>>();
        void Add(string key,
            string? value) { if (!string.IsNullOrEmpty(value)) q.Add(DqcClient.QueryPair(key, value!)); }
        if (withDimension) Add("quality_score_dimension", Dimension.ToLowerInvariant());
        if (withLevels) { Add("l1", L1); Add("l2", L2); Add("l3", L3); }
        Add("data_connection_id", DataConnectionId);
        Add("database_name", DatabaseName);
        Add("table_name", TableName);
        if (withTableObject) Add("table_object_name", TableObjectName);
        if (From.HasValue) Add("start_timestamp", DqcTime.ToMs(From.Value));
        if (To.HasValue) Add("end_timestamp", DqcTime.ToMs(To.Value));
        return q;
    }
}

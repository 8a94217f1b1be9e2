using System.Management.Automation;

namespace DataArtsQuality.Commands;

/// <summary>GetQualityReportRules: the rule scores of one table (technical: connection, database, table; business:
/// table object name).</summary>
[Cmdlet(VerbsCommon.Get, "DqcReportRule", SupportsPaging = true)]
[OutputType(typeof(DqcReportRule))]
public sealed class GetDqcReportRule : DqcReportCmdlet
{
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? DataConnectionId { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? DatabaseName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? TableName { get; set; }

    /// <summary>Business report: "connection.database.schema table/table"; then the three others are not
    /// needed.</summary>
    [Parameter]
    public string? TableObjectName { get; set; }

    protected override void ProcessRecord()
    {
        var filter = Window(new DqcReportFilter
        {
            DataConnectionId = DataConnectionId,
            DatabaseName = DatabaseName,
            TableName = TableName,
            TableObjectName = TableObjectName,
        });
        var pages = new PageWriter(this);
        pages.Write(Client.ListReportRules(filter, pages.Skip, pages.First), "report rules", null);
    }
}

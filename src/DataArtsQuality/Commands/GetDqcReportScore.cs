using System.Management.Automation;

namespace DataArtsQuality.Commands;

/// <summary>GetQualityReportTechnologyScores (default) or, with -Business, GetQualityReportBusinessScores.</summary>
[Cmdlet(VerbsCommon.Get, "DqcReportScore", DefaultParameterSetName = TechnologySet, SupportsPaging = true)]
[OutputType(typeof(DqcTechnologyScore), ParameterSetName = new[] { TechnologySet })]
[OutputType(typeof(DqcBusinessScore), ParameterSetName = new[] { BusinessSet })]
public sealed class GetDqcReportScore : DqcReportCmdlet
{
    private const string TechnologySet = "Technology";
    private const string BusinessSet = "Business";

    [Parameter(Mandatory = true, ParameterSetName = BusinessSet)]
    public SwitchParameter Business { get; set; }

    [Parameter(ParameterSetName = TechnologySet)]
    public string? DataConnectionId { get; set; }

    [Parameter(ParameterSetName = TechnologySet)]
    public string? DatabaseName { get; set; }

    [Parameter]
    public string? TableName { get; set; }

    [Parameter(ParameterSetName = BusinessSet)]
    public string? L1 { get; set; }

    [Parameter(ParameterSetName = BusinessSet)]
    public string? L2 { get; set; }

    [Parameter(ParameterSetName = BusinessSet)]
    public string? L3 { get; set; }

    /// <summary>Technical: DataConnection, Database or Table. Business: L1, L2, L3 or Table. Ascending unless
    /// -Descending.</summary>
    [Parameter]
    [ValidateSet("DataConnection", "Database", "Table", "L1", "L2", "L3")]
    public string? SortBy { get; set; }

    [Parameter]
    public SwitchParameter Descending { get; set; }

    protected override void EndProcessing()
    {
        var filter = Window(new DqcReportFilter
        {
            DataConnectionId = DataConnectionId,
            DatabaseName = DatabaseName,
            TableName = TableName,
            L1 = L1,
            L2 = L2,
            L3 = L3,
        });
        if (ParameterSetName == BusinessSet)
        {
            if (SortBy is "DataConnection" or "Database")
            {
                WriteError(
                    InvalidInput("DqcInvalidSort",
                        $"The business report cannot be sorted by {SortBy}; use L1, L2, L3 or Table.", SortBy));
                return;
            }
            var pages = new PageWriter(this);
            pages.Write(Client.ListBusinessScores(filter, SortBy, Descending, pages.Skip, pages.First),
                "business scores", null);
        }
        else
        {
            if (SortBy is "L1" or "L2" or "L3")
            {
                WriteError(InvalidInput("DqcInvalidSort", $"The technical report cannot be sorted by {SortBy}; use DataConnection, Database or Table (or add -Business).", SortBy));
                return;
            }
            var pages = new PageWriter(this);
            pages.Write(Client.ListTechnologyScores(filter, SortBy, Descending, pages.Skip, pages.First),
                "technical scores", null);
        }
    }
}

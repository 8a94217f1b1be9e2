using System.Management.Automation;

namespace DataArtsQuality.Commands;

/// <summary>
/// Overview and trend: the report window (as <see cref="DqcReportCmdlet"/>), a dimension (technology or business)
/// and its filters.
/// </summary>
public abstract class DqcReportDimensionCmdlet : DqcCmdlet
{
    [Parameter(Position = 0)]
    [ValidateSet("Technology", "Business")]
    public string Dimension { get; set; } = "Technology";

    [Parameter]
    public string? DataConnectionId { get; set; }

    [Parameter]
    public string? DatabaseName { get; set; }

    [Parameter]
    public string? TableName { get; set; }

    /// <summary>Business report: subject-area group.</summary>
    [Parameter]
    public string? L1 { get; set; }

    [Parameter]
    public string? L2 { get; set; }

    [Parameter]
    public string? L3 { get; set; }

    [Parameter]
    public DateTime From { get; set; }

    [Parameter]
    public DateTime To { get; set; }

    private protected DqcReportFilter Filter() => DqcReportCmdlet.Window(this, From, To, new DqcReportFilter
    {
        Dimension = Dimension,
        DataConnectionId = DataConnectionId,
        DatabaseName = DatabaseName,
        TableName = TableName,
        L1 = L1,
        L2 = L2,
        L3 = L3,
    });
}

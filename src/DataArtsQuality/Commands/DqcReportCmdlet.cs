using System.Management.Automation;

namespace DataArtsQuality.Commands;

/// <summary>The time window every quality-report cmdlet has (start_timestamp/end_timestamp, ms epochs).</summary>
public abstract class DqcReportCmdlet : DqcCmdlet
{
    [Parameter]
    public DateTime From { get; set; }

    [Parameter]
    public DateTime To { get; set; }

    private protected DqcReportFilter Window(DqcReportFilter filter) => Window(this, From, To, filter);

    /// <summary>Puts the ends of the window the user gave (-From, -To) on the filter; the service's defaults
    /// otherwise.</summary>
    internal static DqcReportFilter Window(PSCmdlet cmdlet, DateTime from, DateTime to, DqcReportFilter filter)
    {
        if (cmdlet.MyInvocation.BoundParameters.ContainsKey(nameof(From))) filter.From = DqcTime.FromDateTime(from);
        if (cmdlet.MyInvocation.BoundParameters.ContainsKey(nameof(To))) filter.To = DqcTime.FromDateTime(to);
        return filter;
    }
}

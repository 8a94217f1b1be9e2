using System.Management.Automation;

namespace DataArtsQuality.Commands;

/// <summary>GetQualityReportTrend: the score over time, one point per day, oldest first.</summary>
[Cmdlet(VerbsCommon.Get, "DqcReportTrend")]
[OutputType(typeof(DqcScorePoint))]
public sealed class GetDqcReportTrend : DqcReportDimensionCmdlet
{
    protected override void EndProcessing()
    {
        try
        {
            foreach (var point in Run(ct => Client.GetReportTrendAsync(Filter(), ct)))
                WriteObject(point);
        }
        catch (DqcException ex)
        {
            WriteItemError(ex, "Could not read the quality report trend", Dimension);
        }
    }
}

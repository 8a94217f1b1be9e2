using System.Management.Automation;

namespace DataArtsQuality.Commands;

/// <summary>GetQualityReportOverview (score and score ranges) with GetQualityReportScoring (the full score).</summary>
[Cmdlet(VerbsCommon.Get, "DqcReportOverview")]
[OutputType(typeof(DqcReportOverview))]
public sealed class GetDqcReportOverview : DqcReportDimensionCmdlet
{
    protected override void EndProcessing()
    {
        try
        {
            var overview = Run(ct => Client.GetReportOverviewAsync(Filter(), ct));
            overview.FullScore = Run(ct => Client.GetReportFullScoreAsync(ct));
            WriteObject(overview);
        }
        catch (DqcException ex)
        {
            WriteItemError(ex, "Could not read the quality report overview", Dimension);
        }
    }
}

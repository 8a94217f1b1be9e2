using System.Management.Automation;

namespace DataArtsQuality.Commands;

/// <summary>Lists quality jobs (ListQualityTask), page by page as they arrive, or gets their detail with
/// sub-rules.</summary>
[Cmdlet(VerbsCommon.Get, "DqcJob", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(DqcJob), ParameterSetName = new[] { ListSet })]
[OutputType(typeof(DqcJobDetail), ParameterSetName = new[] { ByIdSet })]
public sealed class GetDqcJob : DqcJobListCmdlet
{
    protected override DqcRuleType JobKind => DqcRuleType.Quality;
}

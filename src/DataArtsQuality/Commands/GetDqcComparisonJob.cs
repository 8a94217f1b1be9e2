using System.Management.Automation;

namespace DataArtsQuality.Commands;

/// <summary>Lists comparison jobs (ListConsistencyTask), page by page as they arrive, or gets their detail with
/// sub-rules.</summary>
[Cmdlet(VerbsCommon.Get, "DqcComparisonJob", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(DqcJob), ParameterSetName = new[] { ListSet })]
[OutputType(typeof(DqcJobDetail), ParameterSetName = new[] { ByIdSet })]
public sealed class GetDqcComparisonJob : DqcJobListCmdlet
{
    protected override DqcRuleType JobKind => DqcRuleType.Comparison;
}

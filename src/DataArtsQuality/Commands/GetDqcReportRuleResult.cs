using System.Management.Automation;

namespace DataArtsQuality.Commands;

/// <summary>
/// GetQualityReportSubRuleResults: the field rows behind a rule score. The columns are the service's header (they
/// depend on the rule template), so each row is a PSObject with one property per column (type name
/// DataArtsQuality.Models.DqcReportRuleResult) plus SubRuleInstanceId.
/// </summary>
[Cmdlet(VerbsCommon.Get, "DqcReportRuleResult", SupportsPaging = true)]
[OutputType(typeof(PSObject))]
public sealed class GetDqcReportRuleResult : DqcReportCmdlet
{
    public const string RowTypeName = "DataArtsQuality.Models.DqcReportRuleResult";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public DqcId? SubRuleInstanceId { get; set; }

    [Parameter]
    public string? DataConnectionId { get; set; }

    [Parameter]
    public string? DatabaseName { get; set; }

    [Parameter]
    public string? TableName { get; set; }

    [Parameter]
    public string? TableObjectName { get; set; }

    protected override void ProcessRecord()
    {
        if (!AcceptId(SubRuleInstanceId, "sub-rule instance ID", out var id)) return;
        var filter = Window(new DqcReportFilter
        {
            DataConnectionId = DataConnectionId,
            DatabaseName = DatabaseName,
            TableName = TableName,
            TableObjectName = TableObjectName,
        });
        var pages = new PageWriter(this);
        pages.Write(Client.ListSubRuleResults(id.Value, filter, pages.Skip, pages.First),
            $"the results of sub-rule instance {id.Value}",
            id.Value, row => ToObject(id.Value, row));
    }

    internal static PSObject ToObject(string subRuleInstanceId, DqcResultRow row)
    {
        var o = new PSObject();
        o.TypeNames.Insert(0, RowTypeName);
        for (int i = 0; i < row.Header.Count; i++)
        {
            string name = row.Header[i];
            if (o.Properties[name] != null) name += "_" + (i + 1);
            o.Properties.Add(new PSNoteProperty(name, i < row.Values.Count ? row.Values[i] : null));
        }
        o.Properties.Add(new PSNoteProperty(nameof(SubRuleInstanceId), subRuleInstanceId));
        return o;
    }
}

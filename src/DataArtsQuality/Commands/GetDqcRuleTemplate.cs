using System.Management.Automation;

namespace DataArtsQuality.Commands;

/// <summary>ListQualityTemplates (filters, paged, streamed) or ShowTemplatesDetail (-Id).</summary>
[Cmdlet(VerbsCommon.Get, "DqcRuleTemplate", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(DqcRuleTemplate))]
public sealed class GetDqcRuleTemplate : DqcCmdlet
{
    private const string ListSet = "List";
    private const string ByIdSet = "ById";

    [Parameter(Mandatory = true, ParameterSetName = ByIdSet, ValueFromPipeline = true,
        ValueFromPipelineByPropertyName = true)]
    [Alias("TemplateId")]
    public DqcId[]? Id { get; set; }

    [Parameter(Position = 0, ParameterSetName = ListSet)]
    public string? Name { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    public DqcId? CategoryId { get; set; }

    /// <summary>Only built-in templates (system_template=true).</summary>
    [Parameter(ParameterSetName = ListSet)]
    public SwitchParameter SystemOnly { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    public string? Creator { get; set; }

    protected override void ProcessRecord()
    {
        if (ParameterSetName != ByIdSet) return;
        foreach (var raw in Id ?? Array.Empty<DqcId>())
        {
            if (!AcceptId(raw, "rule template ID", out var id)) continue;
            try
            {
                WriteObject(Run(ct => Client.GetTemplateAsync(id.Value, ct)));
            }
            catch (DqcException ex)
            {
                WriteItemError(ex, $"Could not get rule template {id.Value}", id.Value);
            }
        }
    }

    protected override void EndProcessing()
    {
        if (ParameterSetName != ListSet) return;
        if (CategoryId != null && !AcceptId(CategoryId, "category ID", out _)) return;
        var query = new DqcTemplateQuery
        {
            Name = Name,
            CategoryId = CategoryId?.Value,
            SystemOnly = SystemOnly.IsPresent ? true : null,
            Creator = Creator,
        };
        var pages = new PageWriter(this);
        pages.Write(Client.ListTemplates(query, pages.Skip, pages.First), "rule templates", null);
    }
}

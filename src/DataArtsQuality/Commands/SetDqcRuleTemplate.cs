using System.Management.Automation;

namespace DataArtsQuality.Commands;

/// <summary>UpdateTemplate: changes the given fields, keeping the others (read first with
/// ShowTemplatesDetail).</summary>
[Cmdlet(VerbsCommon.Set, "DqcRuleTemplate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(DqcRuleTemplate))]
public sealed class SetDqcRuleTemplate : DqcTemplateWriteCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("TemplateId")]
    public DqcId? Id { get; set; }

    [Parameter]
    public string? Name { get; set; }

    [Parameter]
    [ValidateSet("Completeness", "Uniqueness", "Timeliness", "Validity", "Accuracy", "Consistency")]
    public string? Dimension { get; set; }

    [Parameter]
    [Alias("SqlInfo")]
    public string? Sql { get; set; }

    protected override void ProcessRecord()
    {
        if (!AcceptId(Id, "rule template ID", out var id)) return;
        var changes = Definition(Name, Dimension, Sql, id.Value);
        if (changes is null || !ShouldProcess($"rule template {id.Value}", "Update")) return;
        try
        {
            WriteObject(Run(ct => Client.UpdateTemplateAsync(id.Value, changes, ct)));
        }
        catch (Exception ex) when (ErrorRecords.IsReported(ex))
        {
            WriteItemError(ex, $"Could not update rule template {id.Value}", id.Value);
        }
    }
}

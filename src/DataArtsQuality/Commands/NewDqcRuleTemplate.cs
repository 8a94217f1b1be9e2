using System.Management.Automation;

namespace DataArtsQuality.Commands;

/// <summary>CreateTemplate.</summary>
[Cmdlet(VerbsCommon.New, "DqcRuleTemplate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(DqcRuleTemplate))]
public sealed class NewDqcRuleTemplate : DqcTemplateWriteCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public string Name { get; set; } = "";

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateSet("Completeness", "Uniqueness", "Timeliness", "Validity", "Accuracy", "Consistency")]
    public string Dimension { get; set; } = "";

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("SqlInfo")]
    public string Sql { get; set; } = "";

    protected override void ProcessRecord()
    {
        var definition = Definition(Name, Dimension, Sql, Name);
        if (definition is null || !ShouldProcess($"rule template '{Name}'", "Create")) return;
        try
        {
            WriteObject(Run(ct => Client.CreateTemplateAsync(definition, ct)));
        }
        catch (Exception ex) when (ErrorRecords.IsReported(ex))
        {
            WriteItemError(ex, $"Could not create rule template '{Name}'", Name);
        }
    }
}

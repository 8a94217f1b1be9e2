using System.Management.Automation;

namespace DataArtsQuality.Commands;

/// <summary>BatchDeleteTemplates: one request per up to 100 piped IDs, body {"ids":[...]}.</summary>
[Cmdlet(VerbsCommon.Remove, "DqcRuleTemplate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
public sealed class RemoveDqcRuleTemplate : DqcBatchCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("TemplateId")]
    public DqcId[]? Id { get; set; }

    protected override string What => "rule template";
    protected override string Verb => "Delete";

    protected override void ProcessRecord() => Collect(Id);

    protected override Task SendAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
        => Client.DeleteTemplatesAsync(ids, cancellationToken);
}

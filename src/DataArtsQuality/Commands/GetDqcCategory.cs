using System.Management.Automation;

namespace DataArtsQuality.Commands;

/// <summary>ListCategory: the job directory tree, or with -Flatten every directory with its path.</summary>
[Cmdlet(VerbsCommon.Get, "DqcCategory")]
[OutputType(typeof(DqcCategory))]
public sealed class GetDqcCategory : DqcCmdlet
{
    [Parameter]
    public SwitchParameter Flatten { get; set; }

    protected override void EndProcessing()
    {
        IReadOnlyList<DqcCategory> roots;
        try
        {
            roots = Run(ct => Client.GetCategoriesAsync(ct));
        }
        catch (DqcException ex)
        {
            WriteItemError(ex, "Could not list the categories", null);
            return;
        }
        foreach (var root in roots)
        {
            if (Flatten) WriteTree(root);
            else WriteObject(root);
        }
    }

    private void WriteTree(DqcCategory category)
    {
        WriteObject(category);
        foreach (var child in category.Children) WriteTree(child);
    }
}

using System.Management.Automation;

namespace DataArtsQuality.Commands;

/// <summary>The template fields New-/Set-DqcRuleTemplate share.</summary>
public abstract class DqcTemplateWriteCmdlet : DqcCmdlet
{
    public const string DimensionNames = "Completeness, Uniqueness, Timeliness, Validity, Accuracy, Consistency";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public DqcId? CategoryId { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Description { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? ResultDescription { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? AbnormalTableSql { get; set; }

    /// <summary>Publish a new version instead of a plain save.</summary>
    [Parameter]
    public SwitchParameter Publish { get; set; }

    /// <summary>user_define_version_name, e.g. V1.1.</summary>
    [Parameter]
    public string? VersionName { get; set; }

    private protected DqcTemplateDefinition? Definition(string? name, string? dimension, string? sql, object? target)
    {
        if (CategoryId != null && !AcceptId(CategoryId, "category ID", out _, target)) return null;
        return new DqcTemplateDefinition
        {
            Name = name,
            Dimension = dimension,
            Sql = sql,
            CategoryId = CategoryId?.Value,
            Description = Description,
            ResultDescription = ResultDescription,
            AbnormalTableSql = AbnormalTableSql,
            Publish = Publish.IsPresent,
            VersionName = VersionName,
        };
    }
}

namespace DataArtsQuality.Client;

/// <summary>The fields of a rule template write (TemplateRO). Null = not given.</summary>
internal sealed class DqcTemplateDefinition
{
    public string? Name { get; set; }
    public string? CategoryId { get; set; }
    /// <summary>Completeness, Uniqueness, Timeliness, Validity, Accuracy or Consistency.</summary>
    public string? Dimension { get; set; }
    public string? Description { get; set; }
    public string? Sql { get; set; }
    public string? ResultDescription { get; set; }
    public string? AbnormalTableSql { get; set; }
    public bool Publish { get; set; }
    public string? VersionName { get; set; }
}

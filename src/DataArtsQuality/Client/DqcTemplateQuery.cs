namespace DataArtsQuality.Client;

/// <summary>Filters of ListQualityTemplates. Null means "not filtered".</summary>
internal sealed class DqcTemplateQuery
{
    public string? Name { get; set; }
    public string? CategoryId { get; set; }
    public bool? SystemOnly { get; set; }
    public string? Creator { get; set; }
}

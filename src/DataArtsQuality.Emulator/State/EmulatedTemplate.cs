namespace DataArtsQuality.Emulator.State;

/// <summary>A rule template: a system template or one a user created.</summary>
public sealed class EmulatedTemplate
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public long CategoryId { get; set; }
    public string Dimension { get; set; } = "Accuracy";
    public string Type { get; set; } = "Table";
    public bool System { get; set; }
    public string? Sql { get; set; }
    public string? AbnormalSql { get; set; }
    public string? ResultDescription { get; set; }
    public string? Description { get; set; }
    public long CreateTime { get; set; }
    public string Creator { get; set; } = "ei";
    public bool Published { get; set; }
    public string? VersionName { get; set; }
}

namespace DataArtsQuality.Client;

/// <summary>Value mappings of an import: old value → new value.</summary>
internal sealed class DqcImportMappings
{
    public IDictionary<string, string>? Directories { get; set; }
    public IDictionary<string, string>? Topics { get; set; }
    public IDictionary<string, string>? Connections { get; set; }
    public IDictionary<string, string>? Queues { get; set; }
}

using System.Management.Automation;

namespace DataArtsQuality.Commands;

/// <summary>
/// PostQualityResourceUpload (multipart), PostQualityResourceImport (204), then GetQualityResourceStatus until the
/// import ends. Emits the final status with what the file referred to (directories, topics, queues, connections).
/// </summary>
[Cmdlet(VerbsData.Import, "DqcResource", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(DqcResourceStatus))]
public sealed class ImportDqcResource : DqcResourceCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    public string Path { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1)]
    [ValidateSet("RuleTemplate", "QualityJob", "ComparisonJob")]
    public string Type { get; set; } = "";

    /// <summary>What to do with a name that exists: Skip, Override or Termination (stop the import).</summary>
    [Parameter]
    [ValidateSet("Skip", "Override", "Termination")]
    public string? Strategy { get; set; }

    [Parameter]
    public Hashtable? DirectoryMapping { get; set; }

    [Parameter]
    public Hashtable? TopicMapping { get; set; }

    [Parameter]
    public Hashtable? ConnectionMapping { get; set; }

    [Parameter]
    public Hashtable? QueueMapping { get; set; }

    protected override void ProcessRecord()
    {
        string path = GetUnresolvedProviderPathFromPSPath(Path);
        if (!File.Exists(path))
        {
            WriteError(
                new ErrorRecord(new FileNotFoundException($"The file {path} does not exist.", path), "DqcFileNotFound",
                    ErrorCategory.ObjectNotFound, path));
            return;
        }
        if (!ShouldProcess(path, $"Import {Type} resources")) return;
        try
        {
            byte[] content = File.ReadAllBytes(path);
            var upload = Run(ct => Client.UploadResourceAsync(Type, System.IO.Path.GetFileName(path), content, ct));
            WriteVerbose($"Uploaded {path} as {upload.ResourceId}; it refers to directories [{string.Join(", ", upload.Directories)}], topics [{string.Join(", ", upload.Topics)}].");
            var mappings = new DqcImportMappings
            {
                Directories = Map(DirectoryMapping),
                Topics = Map(TopicMapping),
                Connections = Map(ConnectionMapping),
                Queues = Map(QueueMapping),
            };
            Run(async ct => { await Client.ImportResourceAsync(upload.ResourceId, Type, Strategy, mappings,
                ct).ConfigureAwait(false); return true; });
            var status = Wait(upload.ResourceId, needFile: false, $"Importing {System.IO.Path.GetFileName(path)}");
            status.Directories = upload.Directories;
            status.Topics = upload.Topics;
            status.Queues = upload.Queues;
            status.Connections = upload.Connections;
            if (string.IsNullOrEmpty(status.FileName)) status.FileName = upload.FileName;
            WriteObject(status);
        }
        catch (Exception ex) when (ErrorRecords.IsReported(ex) || ex is IOException || ex is UnauthorizedAccessException)
        {
            WriteItemError(ex, $"Could not import {path}", path);
        }
    }

    private static IDictionary<string, string>? Map(Hashtable? table)
    {
        if (table is null) return null;
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry e in table)
            map[Convert.ToString(e.Key, System.Globalization.CultureInfo.InvariantCulture) ?? ""] = Convert.ToString(
                e.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
        return map;
    }
}

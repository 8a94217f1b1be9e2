using System.Management.Automation;

namespace DataArtsQuality.Commands;

/// <summary>
/// PostQualityResourceExport, then GetQualityResourceStatus until the file is GENERATED (with a progress bar),
/// then GetQualityResourceDownload into -Path. IDs from the pipeline make one export.
/// </summary>
[Cmdlet(VerbsData.Export, "DqcResource", DefaultParameterSetName = ByIdSet, SupportsShouldProcess = true,
    ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(FileInfo))]
public sealed class ExportDqcResource : DqcResourceCmdlet
{
    private const string ByIdSet = "ById";
    private const string AllSet = "All";
    private readonly List<string> _ids = new List<string>();

    [Parameter(Mandatory = true, Position = 0)]
    [ValidateSet("RuleTemplate", "QualityJob", "ComparisonJob", "Report")]
    public string Type { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1)]
    public string Path { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = ByIdSet, ValueFromPipeline = true,
        ValueFromPipelineByPropertyName = true)]
    [Alias("TemplateId", "JobId")]
    public DqcId[]? Id { get; set; }

    /// <summary>Export everything of the type in the workspace (is_select_all).</summary>
    [Parameter(Mandatory = true, ParameterSetName = AllSet)]
    public SwitchParameter All { get; set; }

    /// <summary>Reports only: Technology (default) or Business.</summary>
    [Parameter]
    [ValidateSet("Technology", "Business")]
    public string? ReportType { get; set; }

    /// <summary>Overwrite an existing file.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>What an ID of the type is called in messages: "rule template ID", "quality job ID", ...</summary>
    private static string IdNoun(string type) => type.ToLowerInvariant() switch
    {
        "ruletemplate" => "rule template ID",
        "qualityjob" => "quality job ID",
        "comparisonjob" => "comparison job ID",
        "report" => "report ID",
        _ => "ID",
    };

    protected override void ProcessRecord()
    {
        if (ParameterSetName != ByIdSet) return;
        foreach (var raw in Id ?? Array.Empty<DqcId>())
        {
            if (AcceptId(raw, IdNoun(Type), out var id) && !_ids.Contains(id.Value))
                _ids.Add(id.Value);
        }
    }

    protected override void EndProcessing()
    {
        string path = GetUnresolvedProviderPathFromPSPath(Path);
        if (File.Exists(path) && !Force)
        {
            WriteError(
                new ErrorRecord(new IOException($"The file {path} exists. Use -Force to overwrite it."),
                    "DqcFileExists", ErrorCategory.ResourceExists, path));
            return;
        }
        if (ParameterSetName == ByIdSet && _ids.Count == 0) return;
        string what = All ? $"all {Type} resources" : $"{_ids.Count} {Type} resource(s)";
        if (!ShouldProcess(path, $"Export {what}")) return;

        string? reportType = Type == "Report" ? (ReportType ?? "Technology") : null;
        try
        {
            string resourceId = Run(ct => Client.StartExportAsync(Type, _ids, All, reportType, ct));
            WriteVerbose($"Export task {resourceId} started.");
            Wait(resourceId, needFile: true, $"Exporting {what}");
            byte[] content = Run(ct => Client.DownloadResourceAsync(resourceId, reportType, ct));
            string? folder = System.IO.Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
            File.WriteAllBytes(path, content);
            // Through the provider, so the object has PSPath and pipes into Get-Content, Copy-Item, ...
            foreach (var item in InvokeProvider.Item.Get(path)) WriteObject(item);
        }
        catch (Exception ex) when (ErrorRecords.IsReported(ex) || ex is IOException || ex is UnauthorizedAccessException)
        {
            WriteItemError(ex, $"Could not export {what} to {path}", path);
        }
    }
}

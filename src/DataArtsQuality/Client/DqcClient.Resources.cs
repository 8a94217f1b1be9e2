using System.Net.Http.Headers;

namespace DataArtsQuality.Client;

/// <summary>An import or export the service reports as FAILED or TIMEOUT; the message is the service's
/// error_msg.</summary>
public sealed class DqcResourceFailedException : DqcException
{
    public DqcResourceFailedException(string message, DqcResourceStatus status) : base(message) => Status = status;

    public DqcResourceStatus Status { get; }

    public override string ErrorId => "DqcResourceTaskFailed";

    public override DqcErrorCategory Category => DqcErrorCategory.InvalidResult;
}

/// <summary>An import or export still unfinished when the caller's time to wait for it ran out.</summary>
public sealed class DqcResourceTimeoutException : DqcException
{
    public DqcResourceTimeoutException(string message) : base(message) { }

    public override string ErrorId => "DqcResourceTaskTimeout";

    public override DqcErrorCategory Category => DqcErrorCategory.OperationTimeout;
}

/// <summary>Import/export (docs/service-notes.md, Import and export).</summary>
internal sealed partial class DqcClient
{
    /// <summary>Request type names by the module's names: RuleTemplate, QualityJob, ComparisonJob, Report.</summary>
    public static string ResourceTypeName(string type) => (type ?? "").Trim().ToLowerInvariant() switch
    {
        "ruletemplate" or "rule-template" => "rule-template",
        "qualityjob" or "quality-task" => "quality-task",
        "comparisonjob" or "consistency-task" => "consistency-task",
        "report" => "report",
        _ => throw new ArgumentException($"'{type}' is not RuleTemplate, QualityJob, ComparisonJob or Report."),
    };

    /// <summary>PostQualityResourceExport: starts an export and returns its resource_id.</summary>
    public async Task<string> StartExportAsync(string type, IReadOnlyList<string>? ids, bool all, string? reportType,
        CancellationToken cancellationToken)
    {
        string wireType = ResourceTypeName(type);
        var body = new ExportRequest
        {
            Type = wireType,
            IsSelectAll = all,
            Resources = all ? null : (ids ?? Array.Empty<string>()).Select(i => DqcIds.Require(i, "ID")).ToList(),
            ObsServiceType = wireType == "report" ? (reportType ?? "technology").ToLowerInvariant() : null,
        };
        var answer = await SendAsync(HttpMethod.Post, Connection.QualityUri("resource/export"),
            JsonSerializer.SerializeToUtf8Bytes(body, DqcJsonContext.Default.ExportRequest),
            DqcJsonContext.Default.ResourceIdWire, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(answer.ResourceId))
            throw new DqcResponseFormatException("The service accepted the export but returned no resource_id.");
        return answer.ResourceId!;
    }

    /// <summary>GetQualityResourceStatus.</summary>
    public async Task<DqcResourceStatus> GetResourceStatusAsync(string resourceId, CancellationToken cancellationToken)
    {
        var w = await SendAsync(HttpMethod.Get,
            Connection.QualityUri("resource/status/" + Uri.EscapeDataString(resourceId)), null,
            DqcJsonContext.Default.ResourceStatusWire, cancellationToken).ConfigureAwait(false);
        return new DqcResourceStatus
        {
            ResourceId = string.IsNullOrEmpty(w.ResourceId) ? resourceId : w.ResourceId!,
            Id = w.Id,
            ResourceType = w.ResourceType,
            Action = w.Action,
            FileName = w.FileName,
            Status = w.Status,
            FileStatus = w.FileStatus,
            ErrorMessage = w.ErrorMsg,
            StartTime = w.StartTime,
            EndTime = w.EndTime,
            UserName = w.UserName,
        };
    }

    /// <summary>
    /// Polls the status until the task succeeded (and, for an export, the file is GENERATED). FAILED, TIMEOUT or a
    /// failed file become <see cref="DqcResourceFailedException"/> carrying the service's error_msg.
    /// <paramref name="progress"/> sees every status read.
    /// </summary>
    public async Task<DqcResourceStatus> WaitForResourceAsync(string resourceId, bool needFile, TimeSpan pollInterval,
        TimeSpan timeout,
        Action<DqcResourceStatus>? progress, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var status = await GetResourceStatusAsync(resourceId, cancellationToken).ConfigureAwait(false);
            progress?.Invoke(status);
            string s = (status.Status ?? "").ToUpperInvariant();
            string f = (status.FileStatus ?? "").ToUpperInvariant();
            if (s == "FAILED" || s == "TIMEOUT" || (needFile && (f == "FAILED" || f == "DELETED")))
            {
                string why = string.IsNullOrEmpty(status.ErrorMessage) ? "the service gave no reason" : status.ErrorMessage!;
                throw new DqcResourceFailedException(
                    $"The {(status.Action ?? "resource").ToLowerInvariant()} task {resourceId} ended {s}{(needFile && f.Length > 0 ? $" (file {f})" : "")}: {why}", status);
            }
            if (s == "SUCCESS" && (!needFile || f == "GENERATED"))
                return status;
            if (DateTimeOffset.UtcNow + pollInterval > deadline)
                throw new DqcResourceTimeoutException($"The task {resourceId} was still {s}{(f.Length > 0 ? "/" + f : "")} after {timeout.TotalSeconds:0.#} s.");
            await Task.Delay(pollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>GetQualityResourceDownload: the exported file's bytes.</summary>
    public Task<byte[]> DownloadResourceAsync(string resourceId, string? reportType,
        CancellationToken cancellationToken)
    {
        var q = new List<KeyValuePair<string, string>> { QueryPair("resource_id", resourceId) };
        if (!string.IsNullOrEmpty(reportType)) q.Add(QueryPair("obs_type", reportType!.ToLowerInvariant()));
        return SendRawAsync(HttpMethod.Get, Connection.QualityUri("resource/download", q), null, cancellationToken);
    }

    /// <summary>PostQualityResourceUpload: multipart/form-data with the parts type and file.</summary>
    public async Task<DqcResourceStatus> UploadResourceAsync(string type, string fileName, byte[] content,
        CancellationToken cancellationToken)
    {
        string wireType = ResourceTypeName(type);
        if (wireType == "report")
            throw new ArgumentException("Reports cannot be imported; use RuleTemplate, QualityJob or ComparisonJob.");
        string boundary = "dqc-" + Guid.NewGuid().ToString("N");
        byte[] body = MultipartBody(boundary, wireType, fileName, content);
        var contentType = new MediaTypeHeaderValue("multipart/form-data");
        contentType.Parameters.Add(new NameValueHeaderValue("boundary", boundary));
        byte[] raw = await SendRawAsync(HttpMethod.Post, Connection.QualityUri("resource/upload"), body,
            cancellationToken, contentType).ConfigureAwait(false);
        UploadWire? w;
        try { w = JsonSerializer.Deserialize(raw, DqcJsonContext.Default.UploadWire); }
        catch (JsonException ex) { throw new DqcResponseFormatException(
            "PostQualityResourceUpload answered 2xx but the body is not JSON: " + ex.Message, ex); }
        if (w is null || string.IsNullOrEmpty(w.ResourceId))
            throw new DqcResponseFormatException("The service accepted the upload but returned no resource_id.");
        return new DqcResourceStatus
        {
            ResourceId = w.ResourceId!,
            FileName = fileName,
            Directories = Clean(w.Directories),
            Topics = Clean(w.Topics),
            Queues = Clean(w.Queues),
            Connections = (w.Connections ?? new List<NameTypeWire>()).Select(c => c.Name ?? "").Where(
                n => n.Length > 0).ToList(),
        };
    }

    /// <summary>PostQualityResourceImport: success is 204 without a body.</summary>
    public Task ImportResourceAsync(string resourceId, string type, string? strategy, DqcImportMappings? mappings,
        CancellationToken cancellationToken)
    {
        var body = BuildImportRequest(resourceId, type, strategy, mappings);
        return SendRawAsync(HttpMethod.Post, Connection.QualityUri("resource/import"),
            JsonSerializer.SerializeToUtf8Bytes(body, DqcJsonContext.Default.ImportRequest), cancellationToken);
    }

    internal static ImportRequest BuildImportRequest(string resourceId, string type, string? strategy,
        DqcImportMappings? mappings)
    {
        static List<ValueMappingWire>? Map(IDictionary<string, string>? m) => m is null || m.Count == 0 ? null
            : m.Select(
                p => new ValueMappingWire { OldValue = p.Key, NewValue = p.Value, MappingValue = p.Value }).ToList();
        return new ImportRequest
        {
            ResourceId = resourceId,
            Type = ResourceTypeName(type),
            Strategy = string.IsNullOrEmpty(strategy) ? null : strategy!.ToUpperInvariant(),
            Directories = Map(mappings?.Directories),
            Topics = Map(mappings?.Topics),
            Connections = Map(mappings?.Connections),
            Queues = Map(mappings?.Queues),
        };
    }

    internal static byte[] MultipartBody(string boundary, string type, string fileName, byte[] content)
    {
        using var stream = new MemoryStream();
        void Text(string s) { byte[] b = Encoding.UTF8.GetBytes(s); stream.Write(b, 0, b.Length); }
        string safeName = fileName.Replace("\"", "").Replace("\r", "").Replace("\n", "");
        Text($"--{boundary}\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\n{type}\r\n");
        Text($"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{safeName}\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        stream.Write(content, 0, content.Length);
        Text($"\r\n--{boundary}--\r\n");
        return stream.ToArray();
    }

    private static IReadOnlyList<string> Clean(List<string?>? list)
        => (list ?? new List<string?>()).Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToList();
}

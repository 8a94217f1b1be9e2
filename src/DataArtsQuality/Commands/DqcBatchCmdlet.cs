using System.Management.Automation;

namespace DataArtsQuality.Commands;

/// <summary>
/// Delete and stop cmdlets over a batch API: IDs from the pipeline are checked and confirmed one by one in
/// ProcessRecord, then sent in EndProcessing as few requests as possible (at most
/// <see cref="DqcClient.MaxIdsPerBatch"/> IDs each) — not one request per item. ConfirmImpact High, -Force skips
/// the prompt.
/// </summary>
public abstract class DqcBatchCmdlet : DqcCmdlet
{
    private readonly List<string> _ids = new List<string>();
    private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Skips the confirmation prompt (not -WhatIf).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>"quality job", "rule template", ...</summary>
    protected abstract string What { get; }

    /// <summary>"Delete", "Stop".</summary>
    protected abstract string Verb { get; }

    /// <summary>Sends one batch.</summary>
    protected abstract Task SendAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken);

    /// <summary>Checks and confirms the IDs of one pipeline item.</summary>
    protected void Collect(DqcId[]? ids)
    {
        foreach (var id in ids ?? Array.Empty<DqcId>())
        {
            if (!AcceptId(id, What + " ID", out var value)) continue;
            if (!_seen.Add(value.Value)) continue;
            if (ShouldProcessUnlessForced($"{What} {value.Value}", Verb, Force))
                _ids.Add(value.Value);
        }
    }

    protected override void EndProcessing()
    {
        // Progress only when it takes more than one request.
        var progress = _ids.Count > DqcClient.MaxIdsPerBatch ? new ItemProgress(this, $"{Verb}: {What}s", "done",
            _ids.Count) : null;
        try
        {
            Send(progress);
        }
        finally { progress?.Complete(); }
    }

    private void Send(ItemProgress? progress)
    {
        for (int start = 0; start < _ids.Count; start += DqcClient.MaxIdsPerBatch)
        {
            var batch = _ids.GetRange(start, Math.Min(DqcClient.MaxIdsPerBatch, _ids.Count - start));
            try
            {
                Run(async ct => { await SendAsync(batch, ct).ConfigureAwait(false); return true; });
                WriteVerbose($"{Verb}: {batch.Count} {What}(s) done.");
            }
            catch (Exception ex) when (ErrorRecords.IsReported(ex))
            {
                string list = batch.Count <= 5 ? string.Join(", ", batch) : string.Join(", ", batch.GetRange(0, 5)) +
                    $" and {batch.Count - 5} more";
                WriteItemError(ex, $"Could not {Verb.ToLowerInvariant()} {What} {list} (one request; none of them may have been processed)", batch.ToArray());
            }
            progress?.ItemDone(batch.Count);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using DataArtsQuality.Client;
using DataArtsQuality.Models;

namespace DataArtsQuality.Commands
{
    /// <summary>
    /// Issue 6's list cmdlets (templates, v1 jobs, report rows) over issue 3's <see cref="DqcListCmdlet"/>: the same
    /// paging and streaming, plus writing pages through a projection (report result rows become PSObjects).
    /// </summary>
    public abstract class DqcPagedCmdlet : DqcListCmdlet
    {
        /// <summary>Like <see cref="DqcListCmdlet.WritePages{T}"/>, writing project(item) for each record.</summary>
        protected bool WriteProjectedPages<T>(DqcPager<T> pager, string what, object? target, Func<T, object> project)
        {
            bool includeTotal = PagingParameters?.IncludeTotalCount.IsPresent == true;
            bool totalWritten = false;
            var progress = new ListProgress(this, Client.Connection.RateLimiter, Client.EffectiveSettings, what);
            long written = 0;
            try
            {
            while (true)
            {
                IReadOnlyList<T>? page;
                try
                {
                    page = Run(ct => pager.NextPageAsync(ct, forceRequest: includeTotal));
                }
                catch (Exception ex) when (ErrorRecords.IsReported(ex))
                {
                    WriteItemError(ex, $"Could not list {what}", target);
                    return false;
                }
                if (page is null) break;
                if (includeTotal && !totalWritten && pager.TotalCount.HasValue)
                {
                    WriteObject(PagingParameters!.NewTotalCount((ulong)Math.Max(0, pager.TotalCount.Value), 1.0));
                    totalWritten = true;
                }
                foreach (var item in page)
                    WriteObject(project(item));
                written += page.Count;
                progress.AfterPage(written, Expected(pager, written), !pager.IsDone);
            }
            }
            finally { progress.Complete(); }
            return true;
        }
    }

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

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            RequireConnection();
        }

        /// <summary>Checks and confirms the IDs of one pipeline item.</summary>
        protected void Collect(DqcId[]? ids)
        {
            foreach (var id in ids ?? Array.Empty<DqcId>())
            {
                if (!AcceptId(id, What + " ID", out var value)) continue;
                if (!_seen.Add(value.Value)) continue;
                if (ShouldConfirm($"{What} {value.Value}", Verb))
                    _ids.Add(value.Value);
            }
        }

        /// <summary>ShouldProcess, unless -Force without -WhatIf.</summary>
        protected bool ShouldConfirm(string target, string action)
        {
            if (Force && !MyInvocation.BoundParameters.ContainsKey("WhatIf"))
                return true;
            return ShouldProcess(target, action);
        }

        protected override void EndProcessing()
        {
            // Progress only when it takes more than one request.
            var progress = _ids.Count > DqcClient.MaxIdsPerBatch ? new ItemProgress(this, $"{Verb}: {What}s", "done", _ids.Count) : null;
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
                    string list = batch.Count <= 5 ? string.Join(", ", batch) : string.Join(", ", batch.GetRange(0, 5)) + $" and {batch.Count - 5} more";
                    WriteItemError(ex, $"Could not {Verb.ToLowerInvariant()} {What} {list} (one request; none of them may have been processed)", batch.ToArray());
                }
                progress?.ItemDone(batch.Count);
            }
        }
    }
}

using System;
using System.Management.Automation;
using DataArtsQuality.Client;

namespace DataArtsQuality.Commands
{
    /// <summary>What the list cmdlets share: writing a pager's pages as they arrive, honouring -First/-Skip/-IncludeTotalCount.</summary>
    public abstract class DqcListCmdlet : DqcCmdlet
    {
        /// <summary>-Skip, or 0 when the cmdlet has no paging parameters.</summary>
        protected ulong PagingSkip => PagingParameters?.Skip ?? 0;

        /// <summary>-First, or null for "all" (PowerShell's default First is UInt64.MaxValue).</summary>
        protected ulong? PagingFirst => PagingParameters is null || PagingParameters.First == ulong.MaxValue ? null : PagingParameters.First;

        /// <summary>
        /// Requests page after page and writes each page's objects before asking for the next, so output streams and a
        /// downstream Select-Object -First stops the requests. A failed request is a non-terminating error that ends
        /// this list. Returns false when a request failed.
        /// </summary>
        protected bool WritePages<T>(DqcPager<T> pager, string what, object? target, bool totalIsExact = true)
        {
            bool includeTotal = PagingParameters?.IncludeTotalCount.IsPresent == true;
            bool totalWritten = false;
            var progress = new ListProgress(this, Client.Connection.RateLimiter, Client.EffectiveSettings, what);
            long written = 0;
            try
            {
            while (true)
            {
                System.Collections.Generic.IReadOnlyList<T>? page;
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
                    // With a client-side filter the service's total counts records that may not match: say it is a bound.
                    WriteObject(PagingParameters!.NewTotalCount((ulong)Math.Max(0, pager.TotalCount.Value), totalIsExact ? 1.0 : 0.0));
                    totalWritten = true;
                }
                foreach (var item in page)
                    WriteObject(item);
                written += page.Count;
                progress.AfterPage(written, Expected(pager, written), !pager.IsDone);
            }
            }
            finally { progress.Complete(); }
            return true;
        }

        /// <summary>
        /// How many objects the listing writes in all, when the service's total says so: the total less -Skip, at most
        /// -First. Unknown (null) when a client-side filter decides what is written.
        /// </summary>
        internal long? Expected<T>(DqcPager<T> pager, long written)
        {
            if (!pager.TotalCount.HasValue || !pager.TotalIsExactForOutput) return null;
            long total = Math.Max(0, pager.TotalCount.Value - (long)Math.Min(PagingSkip, (ulong)long.MaxValue));
            if (PagingFirst is ulong first && first < (ulong)total) total = (long)first;
            return Math.Max(total, written);
        }
    }
}

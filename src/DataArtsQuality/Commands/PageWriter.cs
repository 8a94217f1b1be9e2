using System.Management.Automation;

namespace DataArtsQuality.Commands;

/// <summary>
/// Writes a pager's pages as they arrive for a list cmdlet (one with SupportsPaging), honouring
/// -First/-Skip/-IncludeTotalCount, with progress on long listings.
/// </summary>
internal sealed class PageWriter
{
    private readonly DqcCmdlet _cmdlet;

    public PageWriter(DqcCmdlet cmdlet)
    {
        _cmdlet = cmdlet;
    }

    private PagingParameters? Paging => _cmdlet.PagingParameters;

    /// <summary>-Skip, or 0 when the cmdlet has no paging parameters.</summary>
    public ulong Skip => Paging?.Skip ?? 0;

    /// <summary>-First, or null for "all" (PowerShell's default First is UInt64.MaxValue).</summary>
    public ulong? First => Paging is null || Paging.First == ulong.MaxValue ? null : Paging.First;

    /// <summary>
    /// Requests page after page and writes each page's objects before asking for the next, so output streams and a
    /// downstream Select-Object -First stops the requests. A failed request is a non-terminating error that ends
    /// this list. Returns false when a request failed.
    /// </summary>
    public bool Write<T>(DqcPager<T> pager, string what, object? target, bool totalIsExact = true)
        => Write(pager, what, target, item => item!, totalIsExact);

    /// <summary>Like <see cref="Write{T}(DqcPager{T}, string, object?, bool)"/>, writing project(item) for each
    /// record.</summary>
    public bool Write<T>(DqcPager<T> pager, string what, object? target, Func<T, object> project,
        bool totalIsExact = true)
    {
        bool includeTotal = Paging?.IncludeTotalCount.IsPresent == true;
        bool totalWritten = false;
        var client = _cmdlet.Client;
        var progress = new ListProgress(_cmdlet, client.Connection.RateLimiter, client.EffectiveSettings, what);
        long written = 0;
        try
        {
            while (true)
            {
                IReadOnlyList<T>? page;
                try
                {
                    page = _cmdlet.Pump.Run(ct => pager.NextPageAsync(ct, forceRequest: includeTotal));
                }
                catch (Exception ex) when (ErrorRecords.IsReported(ex))
                {
                    _cmdlet.WriteError(DqcCmdlet.ToErrorRecord(ex, $"Could not list {what}", target));
                    return false;
                }
                if (page is null) break;
                if (includeTotal && !totalWritten && pager.TotalCount.HasValue)
                {
                    // With a client-side filter the service's total counts records that may not match: say it is a
                    // bound.
                    _cmdlet.WriteObject(
                        Paging!.NewTotalCount((ulong)Math.Max(0, pager.TotalCount.Value), totalIsExact ? 1.0 : 0.0));
                    totalWritten = true;
                }
                foreach (var item in page)
                    _cmdlet.WriteObject(project(item));
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
        long total = Math.Max(0, pager.TotalCount.Value - (long)Math.Min(Skip, (ulong)long.MaxValue));
        if (First is ulong first && first < (ulong)total) total = (long)first;
        return Math.Max(total, written);
    }
}

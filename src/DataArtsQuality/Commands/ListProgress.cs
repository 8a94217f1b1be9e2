using System.Management.Automation;

namespace DataArtsQuality.Commands;

/// <summary>
/// Progress of a listing that takes more than one request: objects so far, of the total when the service gave one,
/// whether the next request waits for the rate limit, and how long the rest takes when the limit sets the pace.
/// Nothing is written for a one-page answer (no flicker); $ProgressPreference silences it like any progress.
/// </summary>
internal sealed class ListProgress
{
    private static int _nextActivityId = 7100;
    private readonly ProgressBar _bar;
    private readonly RateLimiter _limiter;
    private readonly int _count;
    private readonly TimeSpan _period;
    private readonly bool _share;

    // settings: those the listing's requests go out with; their rate limit sets the pace.
    public ListProgress(Cmdlet cmdlet, RateLimiter limiter, DqcSettings settings, string what)
    {
        _limiter = limiter;
        _count = settings.RateLimitCount;
        _period = settings.RateLimitPeriod;
        _share = settings.SharedRateLimit;
        int id = System.Threading.Interlocked.Increment(ref _nextActivityId);
        _bar = new ProgressBar(cmdlet, id, "Listing " + what);
    }

    /// <summary>
    /// After a page: <paramref name="written"/> objects so far; <paramref name="expected"/> is how many the listing
    /// will write in all when known. Writes progress only when another request follows.
    /// </summary>
    public void AfterPage(long written, long? expected, bool moreRequests)
    {
        if (!moreRequests) return;
        var record = _bar.Record;
        string status = expected.HasValue
            ? string.Format(CultureInfo.InvariantCulture, "{0:N0} of {1:N0}", written, expected.Value)
            : string.Format(CultureInfo.InvariantCulture, "{0:N0} so far", written);
        record.PercentComplete = expected is long total && total > 0 ? (int)Math.Min(99, written * 100 / total) : -1;
        record.SecondsRemaining = -1;
        record.CurrentOperation = null;
        if (_count > 0)
        {
            TimeSpan wait = _limiter.PeekWait(_count, _period, _share);
            if (wait >= TimeSpan.FromMilliseconds(500))
                status += string.Format(CultureInfo.InvariantCulture, "; waiting {0:0} s for the rate limit",
                    Math.Ceiling(wait.TotalSeconds));
            if (expected.HasValue)
            {
                long requestsLeft = (Math.Max(0, expected.Value - written) +
                    DqcPager<object>.MaxPageSize - 1) / DqcPager<object>.MaxPageSize;
                if (requestsLeft >= _count)
                {
                    // The limit sets the pace: Count requests per Period, one page each.
                    double seconds = requestsLeft * _period.TotalSeconds / _count;
                    record.SecondsRemaining = (int)Math.Min(int.MaxValue, Math.Ceiling(seconds));
                    record.CurrentOperation = string.Format(CultureInfo.InvariantCulture,
                        "{0:N0} more requests at {1} per {2:0.#} s (the rate limit)", requestsLeft, _count,
                        _period.TotalSeconds);
                }
            }
        }
        record.StatusDescription = status;
        _bar.Write();
    }

    public void Complete() => _bar.Complete();
}

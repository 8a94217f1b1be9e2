namespace DataArtsQuality.Client.RateLimit;

/// <summary>
/// The bookkeeping of one user's rate limit: the slots its requests took, in time order, the pause after a 429, and
/// the adaptive rate. One lives in memory per user and process (<see cref="RateLimiter"/>); with the shared limiter
/// on, another lives in the user's state file (<see cref="SharedRateFile"/>) and every process of that OS user loads,
/// changes and saves it under the file's lock. Times are on the owner's timeline (a monotonic clock in memory, that
/// clock plus a fixed epoch in the file, so that every process of the machine reads the same instant the same way).
/// Not thread-safe: its owner holds a lock (in memory) or the file lock (shared) around every call.
/// </summary>
internal sealed class RateWindow
{
    // Invariant: _slots is sorted ascending. Every insert keeps it so (the slot goes after every slot not later).
    private readonly List<TimeSpan> _slots;

    public RateWindow() : this(new List<TimeSpan>(), TimeSpan.Zero, DqcSettings.DefaultRateLimitCount,
        new AdaptiveRate()) { }

    internal RateWindow(List<TimeSpan> sortedSlots, TimeSpan notBefore, int keep, AdaptiveRate rate)
    {
        _slots = sortedSlots;
        NotBefore = notBefore;
        Keep = Math.Max(keep, DqcSettings.DefaultRateLimitCount);
        Rate = rate;
    }

    /// <summary>No request starts before this (a 429's pause).</summary>
    public TimeSpan NotBefore { get; private set; }

    /// <summary>How many of the latest slots matter: the largest Count any caller brought.</summary>
    public int Keep { get; private set; }

    public AdaptiveRate Rate { get; }

    public IReadOnlyList<TimeSpan> Slots => _slots;

    /// <summary>The earliest time a request of <paramref name="count"/> per <paramref name="period"/> may
    /// start.</summary>
    public TimeSpan NextSlot(TimeSpan now, int count, TimeSpan period)
    {
        var slot = now > NotBefore ? now : NotBefore;
        int n = _slots.Count;
        if (count > 0)
        {
            // The adaptive rate may allow fewer than the caller's count after 429s (never more).
            int allowed = Rate.Allowed(count, now, period);
            if (n > 0)
            {
                var paced = _slots[n - 1] + Pacing(count, period); // arrival order, and paced
                if (paced > slot) slot = paced;
            }
            if (n >= allowed)
            {
                var free = _slots[n - allowed] + Spacing(period);
                if (free > slot) slot = free;
            }
        }
        return slot;
    }

    /// <summary>Takes the next slot for a request of <paramref name="count"/> per <paramref name="period"/> and returns
    /// it.</summary>
    public TimeSpan Take(TimeSpan now, int count, TimeSpan period)
    {
        var slot = NextSlot(now, count, period);
        if (count > Keep) Keep = count;
        Insert(slot);
        return slot;
    }

    /// <summary>Records a slot taken elsewhere (the shared file) so that this window counts it too.</summary>
    public void Insert(TimeSpan slot)
    {
        // Requests without a limit of their own are counted too: the gateway counts them against the same user.
        int at = _slots.Count;
        while (at > 0 && _slots[at - 1] > slot) at--;
        _slots.Insert(at, slot);
        if (_slots.Count > 2 * Keep + 64) _slots.RemoveRange(0, _slots.Count - Keep);
    }

    /// <summary>A request that never left gives its slot back.</summary>
    public void Release(TimeSpan slot)
    {
        int at = _slots.LastIndexOf(slot);
        if (at >= 0) _slots.RemoveAt(at);
    }

    /// <summary>The answer to the request of <paramref name="slot"/> is in: the slot counts from <paramref
    /// name="now"/>.</summary>
    public void Settle(TimeSpan slot, TimeSpan now)
    {
        if (now <= slot) return;
        int at = _slots.LastIndexOf(slot);
        if (at < 0) return; // already trimmed: old enough not to matter
        _slots.RemoveAt(at);
        int to = _slots.Count;
        while (to > 0 && _slots[to - 1] > now) to--;
        _slots.Insert(to, now);
    }

    /// <summary>No request starts before <paramref name="until"/>.</summary>
    public void PauseUntil(TimeSpan until)
    {
        if (until > NotBefore) NotBefore = until;
    }

    /// <summary>
    /// The request of <paramref name="slot"/> was refused (429) at <paramref name="now"/>: the adaptive rate drops
    /// to this client's share (from the second 429 within a period, see <see cref="AdaptiveRate"/>), a client that
    /// got more than its share through takes the slots it owes from its next window without sending, and from then
    /// on in that congestion event no request starts until this user's oldest request in the last period is a
    /// period old. Two refused within a period mean the gateway's window is full of requests (ours and others'); a
    /// retry after a second's back-off would only be refused again, and count against the window where the gateway
    /// counts refusals. Until our oldest ages out is the best guess of when room appears (clients that collided
    /// sent their first requests together). A lone 429 keeps its short back-off.
    /// </summary>
    public void Throttled(TimeSpan slot, TimeSpan now, int count, TimeSpan period)
    {
        var from = now - period;
        var decreasedBefore = Rate.DecreasedAt;
        int owed = Rate.Throttled(slot, now, count, period, CountSince(from, now));
        if (count <= 0 || Rate.Refusals < 2) return;
        for (int i = 0; i < _slots.Count; i++)
        {
            if (_slots[i] > from)
            {
                PauseUntil(_slots[i] + Spacing(period));
                break;
            }
        }
        // Taken after the pause is set, so the owed slots fall in the next window, where they keep this client's
        // requests to its share less what it got too many (see AdaptiveRate, the carry).
        if (Rate.DecreasedAt != decreasedBefore)
            for (int i = 0; i < owed; i++) Take(now, count, period);
    }

    /// <summary>How many slots fall after <paramref name="from"/> and not after <paramref name="now"/> (the rate just
    /// achieved).</summary>
    public int CountSince(TimeSpan from, TimeSpan now)
    {
        int n = 0;
        for (int i = _slots.Count - 1; i >= 0 && _slots[i] > from; i--)
            if (_slots[i] <= now) n++;
        return n;
    }

    /// <summary>
    /// The least time between two requests of a user under a limit: an eighth of the even spacing (31 ms at 40 per
    /// 10 s, a period's requests over at least 1.25 s). When the gateway's window fills, a client then has about one
    /// request on the way instead of all it has in flight at once; the others wait their turn, see the 429's pause
    /// and are not sent, so a full window costs each client one or two refusals, not four.
    /// </summary>
    public static TimeSpan Pacing(int count, TimeSpan period) => TimeSpan.FromTicks(period.Ticks / (8L * count));

    // Requests reach the gateway a little later or earlier than they leave here; 1% + 10 ms keeps back-to-back
    // windows apart when latencies differ.
    public static TimeSpan Spacing(TimeSpan period)
        => period + TimeSpan.FromTicks(period.Ticks / 100) + TimeSpan.FromMilliseconds(10);
}

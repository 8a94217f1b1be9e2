using System.Diagnostics;
using DataArtsQuality.Client.RateLimit;

namespace DataArtsQuality.Client;

/// <summary>
/// The client-side rate limit of one user (endpoint and identity, see <see cref="RateLimiterRegistry"/>), shared by
/// every connection, cmdlet, thread and runspace of that user: each request takes a slot, and no request starts
/// before the Count-th slot before it is a period (plus a small margin) old. That is stricter than a
/// bucket refilled continuously: it never lets more than Count requests start in any period, so it stays
/// under the gateway's limit whichever way the gateway counts (sliding window or token bucket). Each caller brings
/// its own Count and Period (its runspace's Set-DqcConfig), measured against all of the user's requests. Waiters are
/// served in arrival order: each call reserves the next free slot and sleeps until then, cancellably.
/// <para>
/// With <c>share</c> (Set-DqcConfig -SharedRateLimit, on by default) the slots are taken from the user's state file
/// (<see cref="SharedRateFile"/>), which every process of this OS user on the machine uses, so that their requests
/// together keep to the limit; each slot is also recorded in this process's own window, so a caller that does not
/// share still counts them. When the file cannot be used the request goes by this process's window alone.
/// After a 429 the allowed count drops and climbs back (<see cref="AdaptiveRate"/>): that is what lets clients on
/// different machines, which share no file, settle on their shares of the user's limit.
/// </para>
/// </summary>
internal sealed class RateLimiter
{
    private readonly object _gate = new object();
    private readonly RateWindow _local = new RateWindow();
    private readonly SharedRateFile? _shared;
    private readonly Func<TimeSpan> _clock;
    private readonly Func<TimeSpan> _wallClock;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;
    // The shared timeline is this process's monotonic clock plus _epoch (the wall clock's reading at the same
    // instant), so that every process of the machine names one instant with the same number. Re-read when the wall
    // clock was stepped by more than a second.
    private TimeSpan _epoch;

    public RateLimiter(Func<TimeSpan>? clock = null, Func<TimeSpan, CancellationToken, Task>? delay = null,
        SharedRateFile? shared = null, Func<TimeSpan>? wallClock = null)
    {
        if (clock is null)
        {
            var watch = Stopwatch.StartNew();
            clock = () => watch.Elapsed;
        }
        _clock = clock;
        _wallClock = wallClock ?? (() => TimeSpan.FromTicks(DateTime.UtcNow.Ticks));
        _delay = delay ?? ((d, ct) => Task.Delay(d, ct));
        _shared = shared;
        _epoch = _wallClock() - _clock();
    }

    /// <summary>The state file shared with this OS user's other processes, if any.</summary>
    internal SharedRateFile? Shared => _shared;

    /// <summary>
    /// Waits until a request may start with at most <paramref name="count"/> of this user's requests in any
    /// <paramref name="period"/> (0: no limit, only a 429 pause holds it back), and returns how long it waited and
    /// the slot taken, for <see cref="Settle"/> once the answer is in. <paramref name="share"/>: count against the
    /// user's requests in every process of this OS user (the state file), not only this process's. Waiters are
    /// served in arrival order; a waiter whose slot a 429's pause (<see cref="Pause"/>) overtook while it waited
    /// gives the slot back and queues again behind the pause: it would otherwise be sent into the full window
    /// that the pause is there to wait out, and be refused too.
    /// </summary>
    public async Task<(TimeSpan Waited, TimeSpan Slot)> ReserveAsync(int count, TimeSpan period,
        CancellationToken cancellationToken, bool share = false)
    {
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count));
        if (count > 0 && period <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(period));
        var waited = TimeSpan.Zero;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (now, slot, shared) = Take(count, period, share);
            var wait = slot - now;
            if (wait <= TimeSpan.Zero) return (waited, slot);
            try
            {
                await _delay(wait, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The request never leaves: give the slot back so the user's other requests (every runspace shares this
                // limiter, every process the file) are not held back by it. Waiters queued behind keep their times.
                Release(slot, shared);
                throw;
            }
            waited += wait;
            if (!PausedPast(slot, shared)) return (waited, slot);
            Release(slot, shared);
        }
    }

    private (TimeSpan Now, TimeSpan Slot, bool Shared) Take(int count, TimeSpan period, bool share)
    {
        lock (_gate)
        {
            var now = _clock();
            if (share && TryShared(now, (w, at, e) => w.Take(at, count, period) - e, out var slot))
            {
                _local.Insert(slot);
                return (now, slot, true);
            }
            return (now, _local.Take(now, count, period), false);
        }
    }

    private void Release(TimeSpan slot, bool shared)
    {
        lock (_gate)
        {
            _local.Release(slot);
            if (shared) TryShared(_clock(), (w, _, e) => { w.Release(slot + e); return true; }, out _);
        }
    }

    /// <summary>Whether a 429's pause set after <paramref name="slot"/> was taken now holds it back.</summary>
    private bool PausedPast(TimeSpan slot, bool shared)
    {
        lock (_gate)
        {
            if (_local.NotBefore > slot) return true;
            return shared && TryShared(_clock(), (w, _, e) => w.NotBefore - e > slot, out bool paused) && paused;
        }
    }

    /// <summary>
    /// The answer to the request that took <paramref name="slot"/> is in, so the gateway counted it no later than
    /// now: its slot counts from now. A slot is taken when the request leaves; a slow first request (a new
    /// connection, TLS, a loaded machine) can reach the gateway later than the margin allows, and the request a
    /// window later would then arrive less than a period after it and be refused. Counting from the answer keeps the
    /// windows of requests that reserve after it a period apart as the gateway sees it (waiters already queued keep
    /// the times they reserved).
    /// </summary>
    public void Settle(TimeSpan slot, bool share = false)
    {
        lock (_gate)
        {
            var now = _clock();
            _local.Settle(slot, now);
            if (share) TryShared(now, (w, at, e) => { w.Settle(slot + e, at); return true; }, out _);
        }
    }

    /// <summary>
    /// How long a request of <paramref name="count"/> per <paramref name="period"/> asking now would wait, without
    /// taking a slot: lets a long listing say that it is waiting for the rate limit before it waits.
    /// </summary>
    public TimeSpan PeekWait(int count, TimeSpan period, bool share = false)
    {
        lock (_gate)
        {
            var now = _clock();
            if (!share || !TryShared(now, (w, at, e) => w.NextSlot(at, count, period) - e, out var slot))
                slot = _local.NextSlot(now, count, period);
            return slot > now ? slot - now : TimeSpan.Zero;
        }
    }

    /// <summary>
    /// After a 429: no request of this user starts for <paramref name="delay"/>, so the others in flight (in every
    /// connection and runspace, and with <paramref name="share"/> every process) do not run into the same wall.
    /// </summary>
    public void Pause(TimeSpan delay, bool share = false)
    {
        lock (_gate)
        {
            var now = _clock();
            _local.PauseUntil(now + delay);
            if (share) TryShared(now, (w, at, _) => { w.PauseUntil(at + delay); return true; }, out _);
        }
    }

    /// <summary>
    /// The request that took <paramref name="slot"/> was refused (429): the allowed count of a caller of
    /// <paramref name="count"/> per <paramref name="period"/> drops (<see cref="AdaptiveRate"/>), here and, with
    /// <paramref name="share"/>, for every process of this OS user.
    /// </summary>
    public void Throttled(TimeSpan slot, int count, TimeSpan period, bool share = false)
    {
        lock (_gate)
        {
            var now = _clock();
            _local.Throttled(slot, now, count, period);
            if (share) TryShared(now, (w, at, e) => { w.Throttled(slot + e, at, count, period); return true; }, out _);
        }
    }

    /// <summary>The adaptive rate of this process's window (tests, Get-DqcConfig's neighbours).</summary>
    internal AdaptiveRate LocalRate => _local.Rate;

    /// <summary>Runs <paramref name="change"/> on the shared window, on the shared timeline (at = now there, e = the
    /// epoch). Call under _gate.</summary>
    private bool TryShared<T>(TimeSpan now, Func<RateWindow, TimeSpan, TimeSpan, T> change, out T result)
    {
        result = default!;
        if (_shared is null || !_shared.Usable) return false;
        var epoch = _wallClock() - now;
        if ((epoch - _epoch).Duration() > TimeSpan.FromSeconds(1)) _epoch = epoch;
        var e = _epoch;
        var at = now + e;
        return _shared.TryUpdate(at, w => change(w, at, e), out result);
    }
}

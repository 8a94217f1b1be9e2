using System.Diagnostics;

namespace DataArtsQuality.Client
{
    /// <summary>
    /// The client-side rate limit of one user (endpoint and identity, see <see cref="RateLimiterRegistry"/>), shared by
    /// every connection, cmdlet, thread and runspace of that user: each request takes a slot, and no request starts
    /// before the Count-th slot before it is <see cref="Period"/> (plus a small margin) old. That is stricter than a
    /// bucket refilled continuously: it never lets more than Count requests start in any window of Period, so it stays
    /// under the gateway's limit whichever way the gateway counts (sliding window or token bucket). Each caller brings
    /// its own Count and Period (its runspace's Set-DqcConfig), measured against all of the user's requests. Waiters are
    /// served in arrival order: each call reserves the next free slot and sleeps until then, cancellably.
    /// </summary>
    internal sealed class RateLimiter
    {
        private readonly object _gate = new object();
        // Slots taken, in time order; only the last _keep matter (the largest Count any caller brought).
        private readonly List<TimeSpan> _slots = new List<TimeSpan>();
        private readonly Func<TimeSpan> _clock;
        private readonly Func<TimeSpan, CancellationToken, Task> _delay;
        private int _keep;
        private TimeSpan _notBefore;

        public RateLimiter(int count, TimeSpan period, Func<TimeSpan>? clock = null, Func<TimeSpan, CancellationToken, Task>? delay = null)
        {
            if (count < 0) throw new ArgumentOutOfRangeException(nameof(count));
            if (period <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(period));
            Count = count;
            Period = period;
            _keep = Math.Max(count, DqcSettings.DefaultRateLimitCount);
            if (clock is null)
            {
                var watch = Stopwatch.StartNew();
                clock = () => watch.Elapsed;
            }
            _clock = clock;
            _delay = delay ?? ((d, ct) => Task.Delay(d, ct));
        }

        /// <summary>Requests per <see cref="Period"/> for callers that bring no limit of their own; 0 means no limit.</summary>
        public int Count { get; }

        public TimeSpan Period { get; }

        /// <summary>Waits until a request may start under the default limit. Returns how long it waited.</summary>
        public Task<TimeSpan> WaitAsync(CancellationToken cancellationToken) => WaitAsync(Count, Period, cancellationToken);

        /// <summary>
        /// Waits until a request may start with at most <paramref name="count"/> of this user's requests in any
        /// <paramref name="period"/> (0: no limit, only a 429 pause holds it back). Returns how long it waited.
        /// </summary>
        public async Task<TimeSpan> WaitAsync(int count, TimeSpan period, CancellationToken cancellationToken) =>
            (await ReserveAsync(count, period, cancellationToken).ConfigureAwait(false)).Waited;

        /// <summary>
        /// Like <see cref="WaitAsync(int, TimeSpan, CancellationToken)"/>, and also returns the slot taken, for
        /// <see cref="Settle"/> once the answer is in.
        /// </summary>
        public async Task<(TimeSpan Waited, TimeSpan Slot)> ReserveAsync(int count, TimeSpan period, CancellationToken cancellationToken)
        {
            if (count < 0) throw new ArgumentOutOfRangeException(nameof(count));
            if (count > 0 && period <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(period));
            cancellationToken.ThrowIfCancellationRequested();
            TimeSpan now, slot;
            lock (_gate)
            {
                now = _clock();
                slot = NextSlot(now, count, period);
                if (count > _keep) _keep = count;
                // Requests without a limit of their own are counted too: the gateway counts them against the same user.
                int at = _slots.Count;
                while (at > 0 && _slots[at - 1] > slot) at--;
                _slots.Insert(at, slot);
                if (_slots.Count > 2 * _keep + 64) _slots.RemoveRange(0, _slots.Count - _keep);
            }
            var wait = slot - now;
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await _delay(wait, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // The request never leaves: give the slot back so the user's other requests (every runspace shares
                    // this limiter) are not held back by it. Waiters already queued behind it keep their times.
                    lock (_gate)
                    {
                        int at = _slots.LastIndexOf(slot);
                        if (at >= 0) _slots.RemoveAt(at);
                    }
                    throw;
                }
            }
            return (wait > TimeSpan.Zero ? wait : TimeSpan.Zero, slot);
        }

        /// <summary>
        /// The answer to the request that took <paramref name="slot"/> is in, so the gateway counted it no later than
        /// now: its slot counts from now. A slot is taken when the request leaves; a slow first request (a new
        /// connection, TLS, a loaded machine) can reach the gateway later than the margin allows, and the request a
        /// window later would then arrive less than a period after it and be refused. Counting from the answer keeps the
        /// windows of requests that reserve after it a period apart as the gateway sees it (waiters already queued keep
        /// the times they reserved).
        /// </summary>
        public void Settle(TimeSpan slot)
        {
            lock (_gate)
            {
                var now = _clock();
                if (now <= slot) return;
                int at = _slots.LastIndexOf(slot);
                if (at < 0) return; // already trimmed: old enough not to matter
                _slots.RemoveAt(at);
                int to = _slots.Count;
                while (to > 0 && _slots[to - 1] > now) to--;
                _slots.Insert(to, now);
            }
        }

        /// <summary>
        /// How long a request of <paramref name="count"/> per <paramref name="period"/> asking now would wait, without
        /// taking a slot: lets a long listing say that it is waiting for the rate limit before it waits.
        /// </summary>
        public TimeSpan PeekWait(int count, TimeSpan period)
        {
            lock (_gate)
            {
                var now = _clock();
                var slot = NextSlot(now, count, period);
                return slot > now ? slot - now : TimeSpan.Zero;
            }
        }

        /// <summary>The earliest time a request of <paramref name="count"/> per <paramref name="period"/> may start. Call under the lock.</summary>
        private TimeSpan NextSlot(TimeSpan now, int count, TimeSpan period)
        {
            var slot = now > _notBefore ? now : _notBefore;
            int n = _slots.Count;
            if (count > 0)
            {
                if (n > 0 && _slots[n - 1] > slot) slot = _slots[n - 1]; // arrival order
                if (n >= count)
                {
                    var free = _slots[n - count] + Spacing(period);
                    if (free > slot) slot = free;
                }
            }
            return slot;
        }

        /// <summary>
        /// After a 429: no request of this user starts for <paramref name="delay"/>, so the others in flight (in every
        /// connection and runspace) do not run into the same wall.
        /// </summary>
        public void Pause(TimeSpan delay)
        {
            lock (_gate)
            {
                var until = _clock() + delay;
                if (until > _notBefore) _notBefore = until;
            }
        }

        // Requests reach the gateway a little later or earlier than they leave here; 1% + 10 ms keeps back-to-back
        // windows apart when latencies differ.
        private static TimeSpan Spacing(TimeSpan period) => period + TimeSpan.FromTicks(period.Ticks / 100) + TimeSpan.FromMilliseconds(10);
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace DataArtsQuality.Client
{
    /// <summary>
    /// The client-side rate limit of one connection, shared by every cmdlet, thread and runspace that uses it: a
    /// token bucket of <see cref="Count"/> tokens in which each token comes back <see cref="Period"/> (plus a small
    /// margin) after it was taken. That is stricter than a bucket refilled continuously: it never lets more than Count
    /// requests start in any window of Period, so it stays under the gateway's limit whichever way the gateway counts
    /// (sliding window or token bucket). Waiters are served in arrival order: each call reserves the next free slot
    /// and sleeps until then, cancellably.
    /// </summary>
    public sealed class RateLimiter
    {
        private readonly object _gate = new object();
        private readonly Queue<TimeSpan> _slots = new Queue<TimeSpan>();
        private readonly Func<TimeSpan> _clock;
        private readonly Func<TimeSpan, CancellationToken, Task> _delay;
        private readonly TimeSpan _spacing;
        private TimeSpan _notBefore;

        public RateLimiter(int count, TimeSpan period, Func<TimeSpan>? clock = null, Func<TimeSpan, CancellationToken, Task>? delay = null)
        {
            if (count < 0) throw new ArgumentOutOfRangeException(nameof(count));
            if (period <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(period));
            Count = count;
            Period = period;
            // Requests reach the gateway a little later or earlier than they leave here; 1% + 10 ms keeps
            // back-to-back windows apart when latencies differ.
            _spacing = period + TimeSpan.FromTicks(period.Ticks / 100) + TimeSpan.FromMilliseconds(10);
            if (clock is null)
            {
                var watch = Stopwatch.StartNew();
                clock = () => watch.Elapsed;
            }
            _clock = clock;
            _delay = delay ?? ((d, ct) => Task.Delay(d, ct));
        }

        /// <summary>Requests per <see cref="Period"/>; 0 means no limit.</summary>
        public int Count { get; }

        public TimeSpan Period { get; }

        public bool Enabled => Count > 0;

        /// <summary>Waits until a request may start. Returns how long it waited.</summary>
        public async Task<TimeSpan> WaitAsync(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TimeSpan now, slot;
            lock (_gate)
            {
                now = _clock();
                slot = now > _notBefore ? now : _notBefore;
                if (Enabled)
                {
                    if (_slots.Count >= Count)
                    {
                        var free = _slots.Dequeue() + _spacing;
                        if (free > slot) slot = free;
                    }
                    _slots.Enqueue(slot);
                }
            }
            var wait = slot - now;
            if (wait > TimeSpan.Zero)
                await _delay(wait, cancellationToken).ConfigureAwait(false);
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        /// <summary>
        /// How long a request asking now would wait, without taking a slot: lets a long listing say that it is waiting
        /// for the rate limit before it waits.
        /// </summary>
        public TimeSpan PeekWait()
        {
            lock (_gate)
            {
                var now = _clock();
                var slot = now > _notBefore ? now : _notBefore;
                if (Enabled && _slots.Count >= Count)
                {
                    var free = _slots.Peek() + _spacing;
                    if (free > slot) slot = free;
                }
                return slot > now ? slot - now : TimeSpan.Zero;
            }
        }

        /// <summary>
        /// After a 429: no request of this connection starts for <paramref name="delay"/>, so the others in flight do
        /// not run into the same wall.
        /// </summary>
        public void Pause(TimeSpan delay)
        {
            lock (_gate)
            {
                var until = _clock() + delay;
                if (until > _notBefore) _notBefore = until;
            }
        }
    }
}

using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using DataArtsQuality.Client;
using DataArtsQuality.Client.Auth;
using DataArtsQuality.Models;
using Xunit;

namespace DataArtsQuality.Tests;

public class RateLimiterTests
{
    [Fact]
    public async Task Never_more_than_count_starts_in_any_period_and_waiters_keep_their_order()
    {
        var now = TimeSpan.Zero;
        var delays = new List<TimeSpan>();
        var limiter = new RateLimiter(() => now, (d, _) => { delays.Add(d); return Task.CompletedTask; });
        var waits = new List<TimeSpan>();
        for (int i = 0; i < 7; i++)
            waits.Add((await limiter.ReserveAsync(3, TimeSpan.FromSeconds(10), CancellationToken.None)).Waited);
        var spacing = TimeSpan.FromSeconds(10.1) + TimeSpan.FromMilliseconds(10);
        // Paced an eighth of the even spacing apart (10 s / 24), and the 4th a spacing after the 1st.
        var pace = TimeSpan.FromTicks(TimeSpan.FromSeconds(10).Ticks / 24);
        Assert.Equal(
            new[] { TimeSpan.Zero, pace, pace + pace, spacing, spacing + pace, spacing + pace + pace,
                spacing + spacing }, waits);
    }

    [Fact]
    public async Task A_slot_counts_from_the_answer_so_a_slow_first_request_does_not_crowd_the_next_window()
    {
        var now = TimeSpan.Zero;
        var limiter = new RateLimiter(() => now, (_, _) => Task.CompletedTask);
        var spacing = TimeSpan.FromSeconds(10.1) + TimeSpan.FromMilliseconds(10);
        var first = await limiter.ReserveAsync(2, TimeSpan.FromSeconds(10), CancellationToken.None);
        var second = await limiter.ReserveAsync(2, TimeSpan.FromSeconds(10), CancellationToken.None);
        // The first request took 2 s to reach the gateway and be answered; the second was answered at once.
        now = TimeSpan.FromSeconds(2);
        limiter.Settle(first.Slot);
        limiter.Settle(second.Slot);
        now = TimeSpan.FromSeconds(3);
        var third = await limiter.ReserveAsync(2, TimeSpan.FromSeconds(10), CancellationToken.None);
        // Two slots in the window now end at 2 s: the third waits until 2 s + spacing, not until 0 s + spacing.
        Assert.Equal(TimeSpan.FromSeconds(2) + spacing - now, third.Waited);
        // Settling a slot that is not there (trimmed) changes nothing: the fourth shares the third's window, paced
        // 10 s / 16 after it.
        limiter.Settle(TimeSpan.FromSeconds(-1));
        Assert.Equal(third.Slot + TimeSpan.FromTicks(TimeSpan.FromSeconds(10).Ticks / 16) - now,
            (await limiter.ReserveAsync(2, TimeSpan.FromSeconds(10), CancellationToken.None)).Waited);
    }

    [Fact]
    public async Task A_cancelled_wait_gives_its_slot_back()
    {
        var now = TimeSpan.Zero;
        var period = TimeSpan.FromSeconds(10);
        var spacing = TimeSpan.FromSeconds(10.1) + TimeSpan.FromMilliseconds(10);
        bool cancel = false;
        var limiter = new RateLimiter(() => now,
            (_, ct) => cancel ? Task.FromCanceled(new CancellationToken(true)) : Task.CompletedTask);
        await limiter.ReserveAsync(2, period, CancellationToken.None);
        await limiter.ReserveAsync(2, period, CancellationToken.None);
        // Ctrl+C while waiting for the next window: that request never leaves, so it must not hold a slot.
        cancel = true;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => limiter.ReserveAsync(2, period, CancellationToken.None));
        cancel = false;
        Assert.Equal(spacing, (await limiter.ReserveAsync(2, period, CancellationToken.None)).Waited);
    }

    [Fact]
    public async Task A_pause_after_429_holds_back_every_caller()
    {
        var now = TimeSpan.Zero;
        var limiter = new RateLimiter(() => now, (_, _) => Task.CompletedTask);
        Assert.Equal(TimeSpan.Zero,
            (await limiter.ReserveAsync(0, TimeSpan.FromSeconds(10), CancellationToken.None)).Waited);
        limiter.Pause(TimeSpan.FromSeconds(3));
        now = TimeSpan.FromSeconds(1);
        Assert.Equal(TimeSpan.FromSeconds(2),
            (await limiter.ReserveAsync(0, TimeSpan.FromSeconds(10), CancellationToken.None)).Waited);
    }

    [Fact]
    public async Task A_waiter_overtaken_by_a_429_pause_queues_again_behind_it()
    {
        var now = TimeSpan.Zero;
        var period = TimeSpan.FromSeconds(10);
        var waits = new List<TimeSpan>();
        RateLimiter? limiter = null;
        limiter = new RateLimiter(() => now, (d, _) =>
        {
            waits.Add(d);
            // a 429 of another request while this one waits
            if (waits.Count == 1) limiter!.Pause(TimeSpan.FromSeconds(5));
            now += d;
            return Task.CompletedTask;
        });
        await limiter.ReserveAsync(2, period, CancellationToken.None);
        var second = await limiter.ReserveAsync(2, period, CancellationToken.None);
        // Paced 10 s / 16 after the first; the pause came during that wait, so it was not sent into the full window
        // but queued again at the pause's end.
        var pace = TimeSpan.FromTicks(period.Ticks / 16);
        Assert.Equal(new[] { pace, TimeSpan.FromSeconds(5) - pace }, waits);
        Assert.Equal(TimeSpan.FromSeconds(5), second.Slot);
        Assert.Equal(TimeSpan.FromSeconds(5), second.Waited);
    }

    [Fact]
    public async Task A_wait_is_cancellable()
    {
        var limiter = new RateLimiter();
        await limiter.ReserveAsync(1, TimeSpan.FromMinutes(1), CancellationToken.None);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => limiter.ReserveAsync(1, TimeSpan.FromMinutes(1), cts.Token));
    }
}


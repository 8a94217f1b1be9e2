using DataArtsQuality.Client;
using DataArtsQuality.Client.RateLimit;
using Xunit;

namespace DataArtsQuality.Tests;

/// <summary>
/// The adaptive rate with a fake clock: the equal share estimated at a full window, one decrease per congestion event,
/// the carry, the hold and the doubling back; and the limiter's pacing and pause around it.
/// </summary>
public class AdaptiveRateTests
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan T0 = TimeSpan.FromMinutes(5);

    [Fact]
    public void A_second_429_takes_the_equal_share_of_the_clients_estimated_from_what_got_through()
    {
        var rate = new AdaptiveRate();
        Assert.Equal(40, rate.Allowed(40, T0, Period));
        // 12 in the window, 2 of them refused: 10 of 40 got through, so 4 clients share the user: 10 each.
        Assert.Equal(0, rate.Throttled(T0, T0, 40, Period, inWindow: 12));
        Assert.Equal(AdaptiveRateState.Full, rate.State); // a lone 429 so far
        Assert.Equal(0, rate.Throttled(T0, T0, 40, Period, inWindow: 12));
        Assert.Equal(AdaptiveRateState.Recovering, rate.State);
        Assert.Equal(10, rate.Allowed(40, T0, Period));
        // A request that left before the decrease was refused too: the same event.
        rate.Throttled(T0 - TimeSpan.FromMilliseconds(1), T0 + TimeSpan.FromMilliseconds(5), 40, Period, inWindow: 13);
        Assert.Equal(10, rate.Allowed(40, T0 + TimeSpan.FromMilliseconds(5), Period));
        Assert.Equal(3, rate.Refusals);
    }

    [Theory]
    [InlineData(21, 20, 1)]  // 19 through of 40: 2 clients, 20 each, and 1 owed to it on top for a while
    [InlineData(24, 20, 0)]  // 22 through: 2 clients; it got 2 more than its share and owes them
    [InlineData(40, 20, 0)]  // 38 through (it took nearly all): still at least 2 clients, so half
    [InlineData(2, 5, 5)]    // nothing through (a newcomer): at most 8 clients, an eighth
    [InlineData(16, 13, 0)]  // 14 through: 3 clients, 13 each (whole requests), and 1 owed
    public void The_share_and_the_carry_follow_from_what_got_through(int inWindow, int share, int bonus)
    {
        var rate = new AdaptiveRate();
        rate.Throttled(T0, T0, 40, Period, inWindow);
        int owed = rate.Throttled(T0, T0, 40, Period, inWindow);
        int admitted = inWindow - 2;
        Assert.Equal(share, (int)rate.Share);
        Assert.Equal(share + bonus, rate.Allowed(40, T0, Period));
        Assert.Equal(Math.Max(0, admitted - share), owed);
        // The carry owed to it lasts 1.5 periods; then the share alone.
        Assert.Equal(share + bonus, rate.Allowed(40, T0 + TimeSpan.FromSeconds(14), Period));
        Assert.Equal(share, rate.Allowed(40, T0 + TimeSpan.FromSeconds(15), Period));
    }

    [Fact]
    public void It_holds_the_share_for_4_periods_then_doubles_every_period_and_ends_full()
    {
        var rate = new AdaptiveRate();
        rate.Throttled(T0, T0, 40, Period, inWindow: 12);
        rate.Throttled(T0, T0, 40, Period, inWindow: 12);
        Assert.Equal(10, rate.Allowed(40, T0 + TimeSpan.FromSeconds(39), Period));
        Assert.Equal(14, rate.Allowed(40, T0 + TimeSpan.FromSeconds(45), Period)); // 10 * 2^0.5
        Assert.Equal(20, rate.Allowed(40, T0 + TimeSpan.FromSeconds(50), Period));
        Assert.Equal(AdaptiveRateState.Recovering, rate.State);
        Assert.Equal(40, rate.Allowed(40, T0 + TimeSpan.FromSeconds(60), Period));
        Assert.Equal(AdaptiveRateState.Full, rate.State);
    }

    [Fact]
    public void A_later_event_never_raises_the_rate_and_a_caller_without_a_limit_is_not_adapted()
    {
        var rate = new AdaptiveRate();
        rate.Throttled(T0, T0, 40, Period, inWindow: 7);
        rate.Throttled(T0, T0, 40, Period, inWindow: 7); // 5 through: 8 clients, 5 each
        var later = T0 + TimeSpan.FromSeconds(20);
        rate.Throttled(later, later, 40, Period, inWindow: 5);
        // 3 through would mean 13 clients: at most 8, and never above 5
        rate.Throttled(later, later, 40, Period, inWindow: 5);
        Assert.Equal(5, (int)rate.Share);
        Assert.Equal(7, rate.Allowed(40, later, Period)); // and the 2 it is short of its share on top, for a while
        var off = new AdaptiveRate();
        off.Throttled(T0, T0, 0, Period, inWindow: 1);
        off.Throttled(T0, T0, 0, Period, inWindow: 1);
        Assert.Equal(AdaptiveRateState.Full, off.State);
    }

    [Fact]
    public void Lone_429s_more_than_a_period_apart_never_slow_the_user_down()
    {
        var rate = new AdaptiveRate();
        rate.Throttled(T0, T0, 40, Period, inWindow: 30);
        rate.Throttled(T0 + Period + TimeSpan.FromSeconds(1), T0 + Period + TimeSpan.FromSeconds(1), 40, Period,
            inWindow: 30);
        Assert.Equal(AdaptiveRateState.Full, rate.State);
        Assert.Equal(1, rate.Refusals);
        Assert.Equal(40, rate.Allowed(40, T0 + Period + TimeSpan.FromSeconds(1), Period));
    }

    [Fact]
    public async Task The_limiter_spaces_requests_by_the_share_after_a_full_window()
    {
        var now = T0;
        var limiter = new RateLimiter(() => now, (_, _) => Task.CompletedTask);
        var slots = new List<TimeSpan>();
        for (int i = 0; i < 20; i++) slots.Add((await limiter.ReserveAsync(40, Period, CancellationToken.None)).Slot);
        now = slots[^1];
        limiter.Throttled(slots[^2], 40, Period);
        limiter.Throttled(slots[^1], 40, Period);
        // 18 of 40 through: 2 clients, a share of 20 (and 2 owed on top for 1.5 periods), 20 in the window: the next
        // waits until the first slot is a period old (the pause of a full window).
        Assert.Equal(22, limiter.LocalRate.Allowed(40, now, Period));
        var spacing = RateWindow.Spacing(Period);
        Assert.Equal(slots[0] + spacing, (await limiter.ReserveAsync(40, Period, CancellationToken.None)).Slot);
    }

    [Fact]
    public async Task A_client_that_got_more_than_its_share_through_takes_its_next_windows_owed_slots_without_sending()
    {
        var now = T0;
        var greedy = new RateLimiter(() => now, (_, _) => Task.CompletedTask);
        var mine = new List<TimeSpan>();
        for (int i = 0; i < 24; i++) mine.Add((await greedy.ReserveAsync(40, Period, CancellationToken.None)).Slot);
        now = mine[^1];
        greedy.Throttled(mine[^2], 40, Period);
        greedy.Throttled(mine[^1], 40, Period);
        // 22 through: 2 clients, a share of 20, 2 owed. With 24 in the window the next slot is free when the 5th is a
        // period old; the two owed take that one and the next without sending, so the first request sent waits for
        // the 7th.
        var spacing = RateWindow.Spacing(Period);
        var next = (await greedy.ReserveAsync(40, Period, CancellationToken.None)).Slot;
        Assert.Equal(mine[6] + spacing, next);
    }

    [Fact]
    public async Task Requests_under_a_limit_are_paced_an_eighth_of_the_even_spacing_apart()
    {
        var now = T0;
        var limiter = new RateLimiter(() => now, (_, _) => Task.CompletedTask);
        var a = await limiter.ReserveAsync(40, Period, CancellationToken.None);
        var b = await limiter.ReserveAsync(40, Period, CancellationToken.None);
        Assert.Equal(TimeSpan.FromMilliseconds(31.25), b.Slot - a.Slot);
        // Without a limit of its own a caller is not paced.
        var c = await limiter.ReserveAsync(0, Period, CancellationToken.None);
        Assert.Equal(TimeSpan.Zero, c.Waited);
    }
}

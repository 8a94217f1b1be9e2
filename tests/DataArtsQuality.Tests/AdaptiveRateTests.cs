using DataArtsQuality.Client;
using DataArtsQuality.Client.RateLimit;
using Xunit;

namespace DataArtsQuality.Tests;

/// <summary>The adaptive rate (AIMD) with a fake clock: the decrease, one per congestion event, the climb back.</summary>
public class AdaptiveRateTests
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan T0 = TimeSpan.FromMinutes(5);

    [Fact]
    public void A_second_429_drops_the_count_to_0_7_of_what_got_through_and_later_429s_of_the_same_burst_change_nothing()
    {
        var rate = new AdaptiveRate();
        Assert.Equal(40, rate.Allowed(40, T0, Period));
        rate.Throttled(T0, T0, 40, Period, achieved: 20);
        Assert.Equal(AdaptiveRateState.Full, rate.State); // a lone 429 so far
        rate.Throttled(T0, T0, 40, Period, achieved: 20);
        Assert.Equal(AdaptiveRateState.Recovering, rate.State);
        Assert.Equal(14, rate.Allowed(40, T0, Period));
        // A request that left before the decrease was refused too: the same event.
        rate.Throttled(T0 - TimeSpan.FromMilliseconds(1), T0 + TimeSpan.FromMilliseconds(5), 40, Period, achieved: 20);
        Assert.Equal(14, rate.Allowed(40, T0 + TimeSpan.FromMilliseconds(5), Period));
        // One that left after it is a new event: down again, from what is allowed now.
        rate.Throttled(T0 + TimeSpan.FromSeconds(1), T0 + TimeSpan.FromSeconds(1), 40, Period, achieved: 20);
        Assert.Equal(9, rate.Allowed(40, T0 + TimeSpan.FromSeconds(1), Period)); // 0.7 * 14.2 = 9.94, whole requests only
    }

    [Fact]
    public void It_climbs_2_a_period_back_to_the_level_then_doubles_every_period_and_ends_full()
    {
        var rate = new AdaptiveRate();
        rate.Throttled(T0, T0, 40, Period, achieved: 20);
        rate.Throttled(T0, T0, 40, Period, achieved: 20);
        Assert.Equal(16, rate.Allowed(40, T0 + Period, Period));
        Assert.Equal(18, rate.Allowed(40, T0 + Period + Period, Period));
        // 14 + 2 * 3 = 20 (the level) after 3 periods; then 20 * 2^k.
        Assert.Equal(20, rate.Allowed(40, T0 + TimeSpan.FromSeconds(30), Period));
        Assert.Equal(28, rate.Allowed(40, T0 + TimeSpan.FromSeconds(35), Period)); // 20 * 2^0.5
        Assert.Equal(AdaptiveRateState.Recovering, rate.State);
        Assert.Equal(40, rate.Allowed(40, T0 + TimeSpan.FromSeconds(40), Period));
        Assert.Equal(AdaptiveRateState.Full, rate.State);
    }

    [Fact]
    public void A_client_refused_after_sending_only_a_few_keeps_an_eighth_of_the_count()
    {
        var rate = new AdaptiveRate();
        rate.Throttled(T0, T0, 40, Period, achieved: 1);
        rate.Throttled(T0, T0, 40, Period, achieved: 1);
        Assert.Equal(5, rate.Allowed(40, T0, Period));
        var off = new AdaptiveRate();
        off.Throttled(T0, T0, 0, Period, achieved: 1); // no limit of its own: nothing to adapt
        off.Throttled(T0, T0, 0, Period, achieved: 1);
        Assert.Equal(AdaptiveRateState.Full, off.State);
    }

    [Fact]
    public async Task The_limiter_spaces_requests_by_the_adapted_count_after_a_429()
    {
        var now = T0;
        var limiter = new RateLimiter(40, Period, () => now, (_, _) => Task.CompletedTask);
        var slots = new List<TimeSpan>();
        for (int i = 0; i < 20; i++) slots.Add((await limiter.ReserveAsync(40, Period, CancellationToken.None)).Slot);
        limiter.Throttled(slots[^2], 40, Period);
        limiter.Throttled(slots[^1], 40, Period);
        // 14 allowed now, and 20 in the window: the next waits until the 7th slot is a period old.
        var spacing = TimeSpan.FromSeconds(10.1) + TimeSpan.FromMilliseconds(10);
        Assert.Equal(spacing, (await limiter.ReserveAsync(40, Period, CancellationToken.None)).Waited);
    }

    [Fact]
    public async Task Two_429s_of_one_burst_hold_the_user_back_until_its_oldest_request_in_the_window_is_a_period_old()
    {
        var now = T0;
        // 80 per period: the floor after a 429 (1/8, 10) stays above the 6 requests sent, so only the pause can hold back.
        var limiter = new RateLimiter(80, Period, () => now, (_, _) => Task.CompletedTask);
        var slots = new List<TimeSpan>();
        for (int i = 0; i < 6; i++) { slots.Add((await limiter.ReserveAsync(80, Period, CancellationToken.None)).Slot); now += TimeSpan.FromMilliseconds(1); }
        var spacing = TimeSpan.FromSeconds(10.1) + TimeSpan.FromMilliseconds(10);
        // One 429 alone (a hiccup): nothing changes here (the transport's back-off is the only pause).
        limiter.Throttled(slots[4], 80, Period);
        Assert.Equal(80, limiter.LocalRate.Allowed(80, now, Period));
        Assert.Equal(TimeSpan.Zero, limiter.PeekWait(80, Period));
        // A second of the same burst: the gateway's window is full. The count drops to the floor (1/8 of 80, above the
        // 6 sent), and nothing starts until the oldest (T0) is a period old.
        limiter.Throttled(slots[5], 80, Period);
        Assert.Equal(2, limiter.LocalRate.Refusals);
        Assert.Equal(10, limiter.LocalRate.Allowed(80, now, Period));
        Assert.Equal(T0 + spacing - now, limiter.PeekWait(80, Period));
    }

    [Fact]
    public void Lone_429s_more_than_a_period_apart_never_slow_the_user_down()
    {
        var rate = new AdaptiveRate();
        rate.Throttled(T0, T0, 40, Period, achieved: 30);
        rate.Throttled(T0 + Period + TimeSpan.FromSeconds(1), T0 + Period + TimeSpan.FromSeconds(1), 40, Period, achieved: 30);
        Assert.Equal(AdaptiveRateState.Full, rate.State);
        Assert.Equal(1, rate.Refusals);
        Assert.Equal(40, rate.Allowed(40, T0 + Period + TimeSpan.FromSeconds(1), Period));
    }
}

namespace DataArtsQuality.Client.RateLimit;

/// <summary>
/// How many requests per period one user's limiter allows after the gateway refused some (429). Clients on other
/// machines cannot see each other; each learns only from its own 429s, and what one 429 tells is exact: the
/// gateway's window of the user is full, so what every client got through in the last period adds up to the limit.
/// From its own part of that a client estimates how many share the user (its count over what it got through,
/// rounded) and takes an equal share of the count; every client that was in the same full window estimates the same
/// number, so the shares add up to the limit again.
/// <list type="bullet">
/// <item>One 429 alone changes nothing here (the transport's back-off still pauses the user): a gateway hiccup, a
/// fault injected in a test, must not slow a runbook. A second 429 within a period (the back-off's retry refused
/// again) confirms a full window: that is a congestion event. 429s for requests that left before the last decrease
/// belong to the same event and change nothing: one full window is one decrease, not ten.</item>
/// <item>At an event the client estimates the clients as count / admitted (admitted: its requests in the last
/// period less the two refused), rounded, at least <see cref="FewestClients"/> (a 429 means someone else is there)
/// and at most <see cref="MostClients"/> (a newcomer that got nothing through still gets an eighth), and allows
/// count / clients from then on (never more than it allowed just before).</item>
/// <item>The carry: a client that got more than its share through in the full window owes the difference and takes
/// that many slots of its next window without sending (<see cref="RateWindow.Throttled"/>); one that got less is
/// allowed the difference on top for <see cref="CarryPeriods"/> periods. Without it the clients' totals stay apart
/// by what they got in the first window, and when the work is an exact number of windows (200 reruns at 40 per
/// 10 s) the one that got fewest needs one window more when the others, done, leave theirs unused.</item>
/// <item>The share holds for <see cref="HoldPeriods"/> periods, then doubles every period until it is the full count
/// again: every probe past the share costs each client a refusal or two, so it probes rarely, and fast once it
/// does (a client left alone is back at the full count within a few periods).</item>
/// </list>
/// The constants were chosen with tools/rate-simulation.py, a model of these types against the emulator's 40 per
/// 10 s sliding window (2, 4 and 8 clients, 200 reruns between them, 4 in flight each, 2–10 ms answers, refused
/// requests counted or not, 8 seeds each). Started within 100 ms of each other, 2 and 4 clients took 1.04–1.05
/// times the limit's pace with 2.0% and 3.8% refused, shares 0.99–1.01. A hold of 2 periods then +1 a period took 4
/// clients to 1.27 (the probes' refusals cost a window); without the carry, 4 clients started 100 ms apart took
/// 1.27; AIMD (0.7 and +2 a period, this type's first rule) took 1.27–1.53 with 13–20% refused. The estimate
/// assumes the clients started together: a client that starts after the others got most of the window estimates
/// too many clients and the others too few, and one event does not even that out (4 clients started 200 ms apart:
/// 1.28 median; 1 s apart: 1.8, shares 0.45–1.8).
/// README's Performance section has the measured rows.
/// The rate is a function of time since the event (no timer): <see cref="Allowed"/> computes it from the clock it is
/// given, so a fake clock tests it exactly.
/// </summary>
internal sealed class AdaptiveRate
{
    public const int FewestClients = 2;
    public const int MostClients = 8;
    public const double CarryPeriods = 1.5;
    public const int HoldPeriods = 4;

    /// <summary>Full, or Recovering since <see cref="DecreasedAt"/>: <see cref="Start"/>, then <see cref="Share"/>,
    /// then doubling.</summary>
    public AdaptiveRateState State { get; private set; }

    /// <summary>Requests per period allowed for <see cref="CarryPeriods"/> after the event: the share and the carry
    /// owed to this client.</summary>
    public double Start { get; private set; }

    /// <summary>The equal share of the count this client estimated at the last event.</summary>
    public double Share { get; private set; }

    public TimeSpan DecreasedAt { get; private set; }

    /// <summary>429s of the current congestion event (the lone one before it and the one that confirmed it
    /// count).</summary>
    public int Refusals { get; private set; }

    /// <summary>When the last 429 came (a second one within a period confirms a congestion event); zero: none
    /// yet.</summary>
    public TimeSpan LastRefusalAt { get; private set; }

    /// <summary>The state file's values; anything inconsistent is the Full state.</summary>
    internal static AdaptiveRate Restore(AdaptiveRateState state, double start, double share, TimeSpan decreasedAt,
        int refusals,
        TimeSpan lastRefusalAt)
    {
        var rate = new AdaptiveRate { LastRefusalAt = lastRefusalAt };
        if (state == AdaptiveRateState.Recovering && share >= 1 && start >= share && start <= 100000 && !double.IsNaN(
            start))
        {
            rate.State = state;
            rate.Start = start;
            rate.Share = share;
            rate.DecreasedAt = decreasedAt;
            rate.Refusals = Math.Max(1, refusals);
        }
        return rate;
    }

    /// <summary>
    /// Requests per period allowed now for a caller who asks for <paramref name="count"/>: never more than that, at
    /// least 1. Back at the count, the state becomes Full again.
    /// </summary>
    public int Allowed(int count, TimeSpan now, TimeSpan period)
    {
        if (State == AdaptiveRateState.Full || count <= 0) return count;
        double v = ValueAt(now, period);
        if (v >= count)
        {
            State = AdaptiveRateState.Full;
            return count;
        }
        return Math.Max(1, (int)v);
    }

    /// <summary>
    /// A request that took <paramref name="slot"/> was refused (429) at <paramref name="now"/>, when this user had
    /// <paramref name="inWindow"/> requests (refused ones too) in the last period. Returns how many slots this client
    /// owes (the carry of a client that got more than its share through), for the window to take without sending.
    /// </summary>
    public int Throttled(TimeSpan slot, TimeSpan now, int count, TimeSpan period, int inWindow)
    {
        if (count <= 0) return 0; // no limit of its own to adapt (RateLimitCount 0): the pause alone holds it back
        if (State == AdaptiveRateState.Recovering && slot < DecreasedAt)
        {
            Refusals++; // same congestion event: counted, no second decrease
            LastRefusalAt = now;
            return 0;
        }
        bool confirmed = LastRefusalAt > TimeSpan.Zero && now - LastRefusalAt <= period;
        LastRefusalAt = now;
        if (!confirmed)
        {
            Refusals = 1; // a lone 429 so far: nothing changes until a second one within a period
            return 0;
        }
        int admitted = Math.Max(0, inWindow - 2); // the lone 429 and this one were in the window too
        int clients = admitted == 0 ? MostClients
            : Math.Min(MostClients,
                Math.Max(FewestClients, (int)Math.Round(count / (double)admitted, MidpointRounding.AwayFromZero)));
        double current = State == AdaptiveRateState.Full ? count : Math.Min(count, ValueAt(now, period));
        int share = Math.Max(1, Math.Min((int)current, count / clients));
        int carry = share - admitted;
        State = AdaptiveRateState.Recovering;
        Share = share;
        Start = share + Math.Max(0, carry);
        DecreasedAt = now;
        Refusals = 2;
        return Math.Max(0, -carry);
    }

    // Start (the share and the carry owed), then the share, then the share doubling every period.
    private double ValueAt(TimeSpan now, TimeSpan period)
    {
        double t = now > DecreasedAt ? (now - DecreasedAt).Ticks / (double)period.Ticks : 0;
        if (t < CarryPeriods) return Start;
        if (t < HoldPeriods) return Share;
        double beyond = t - HoldPeriods;
        return beyond > 30 ? double.MaxValue : Share * Math.Pow(2, beyond);
    }
}

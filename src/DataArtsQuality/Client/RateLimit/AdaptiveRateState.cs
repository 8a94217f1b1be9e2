namespace DataArtsQuality.Client.RateLimit;

/// <summary>The cases of <see cref="AdaptiveRate"/>.</summary>
internal enum AdaptiveRateState
{
    /// <summary>No 429 since the rate last came back: the caller's own count applies.</summary>
    Full = 0,

    /// <summary>After a 429: fewer requests per period, climbing back with time (see <see
    /// cref="AdaptiveRate"/>).</summary>
    Recovering = 1,
}

namespace DataArtsQuality.Client;

/// <summary>Whether to send a request again, after how long, and why.</summary>
/// <param name="Why">Why, as a type: what the retry and the error record go by.</param>
/// <param name="Delay">How long to wait first.</param>
/// <param name="Reason">Why, in words (for the verbose line and error messages); never compared.</param>
internal readonly record struct RetryDecision(RetryReason Why, TimeSpan Delay, string Reason)
{
    /// <summary>Whether to send again.</summary>
    public bool Retry => Why == RetryReason.Backoff || Why == RetryReason.RetryAfter;

    /// <summary>
    /// Whether the reason belongs in the error message itself: a Retry-After longer than the settings allow is why
    /// nothing was retried, and the user can change that limit. The other reasons stay in the verbose line.
    /// </summary>
    public bool ExplainsTheError => Why == RetryReason.RetryAfterTooLong;

    public static RetryDecision Stop(RetryReason why, string reason) => new RetryDecision(why, TimeSpan.Zero, reason);
}

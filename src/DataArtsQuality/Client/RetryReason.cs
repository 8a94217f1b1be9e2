namespace DataArtsQuality.Client;

/// <summary>
/// Why <see cref="RetryPolicy"/> decided as it did: the contract between the policy and whoever reads its decision
/// later (the error record), so nobody matches the wording of <see cref="RetryDecision.Reason"/>.
/// </summary>
internal enum RetryReason
{
    /// <summary>Sent again after the exponential back-off.</summary>
    Backoff,

    /// <summary>Sent again after the wait the service asked for (Retry-After).</summary>
    RetryAfter,

    /// <summary>Not sent again: the service asked for a longer wait than MaximumRetryAfterSec allows.</summary>
    RetryAfterTooLong,

    /// <summary>Not sent again: MaximumRetryCount is 0.</summary>
    RetriesOff,

    /// <summary>Not sent again: MaximumRetryCount attempts were retried already.</summary>
    GaveUp,

    /// <summary>Not sent again: the status is not one that is retried (a 4xx, say).</summary>
    StatusNotRetried,

    /// <summary>Not sent again: the answer (500, or 504 to a write) says the service may have carried it out.</summary>
    MayHaveBeenCarriedOut,

    /// <summary>Not sent again: no answer came, and the write may have reached the service.</summary>
    MayHaveReachedService,

    /// <summary>Not sent again: the TLS handshake failed, and a retry meets the same certificate.</summary>
    TlsFailure,
}

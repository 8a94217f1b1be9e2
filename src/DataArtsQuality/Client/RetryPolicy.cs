using System.Net.Http.Headers;

namespace DataArtsQuality.Client;

/// <summary>
/// The retry rules of the HTTP core, in one place and free of I/O so they can be tested on their own:
/// <list type="bullet">
/// <item>429, 502 and 503 are retried for every method: the gateway answered instead of the service, so the
/// service did not act on the request [inf: Huawei APIG answers 429 APIG.0308 before routing, 502 when the backend
/// is unreachable, 503 when it is unavailable].</item>
/// <item>504 (the gateway gave up waiting for the service), time-outs and connections that broke after the
/// request went out may have reached the service: retried only for GET/HEAD and requests that are safe to carry out
/// twice (the IAM token request, which only issues another token), never for a POST such as ReStartTask, which
/// would start a second run.</item>
/// <item>500 is never retried, reads included: it is the service's own answer (DQC.xxxx error code and message),
/// so sending the request again would repeat the error; for a POST it may also have been carried out.</item>
/// <item>Connection failures before anything was sent (refused, unknown host) are retried for every method.</item>
/// <item>The wait is exponential with full jitter: a random time up to RetryIntervalSec * 2^(retry-1), at most
/// MaximumRetryIntervalSec; a Retry-After header (seconds or an HTTP date) replaces it. A Retry-After longer than
/// MaximumRetryAfterSec is not waited for.</item>
/// </list>
/// </summary>
internal sealed class RetryPolicy
{
    private readonly DqcSettings _settings;
    private readonly Func<double> _random;

    public RetryPolicy(DqcSettings settings, Func<double>? random = null)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _random = random ?? SharedRandom.NextDouble;
    }

    /// <summary>True for methods the service never acts on twice (reads).</summary>
    public static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options;

    /// <summary>Whether a status means the service itself never saw (or refused before acting on) the
    /// request.</summary>
    public static bool IsRejectedBeforeProcessing(HttpStatusCode status)
    {
        int code = (int)status;
        return code == 429 || code == 502 || code == 503;
    }

    /// <summary>Whether a failed request may nevertheless have been carried out by the service.</summary>
    public static bool MayHaveBeenProcessed(HttpStatusCode status)
    {
        int code = (int)status;
        return code >= 500 && !IsRejectedBeforeProcessing(status);
    }

    /// <summary>
    /// What to do after a non-2xx answer to attempt number <c>attempt</c> (1 for the first). <paramref
    /// name="repeatSafe"/> true treats a request that is not a read as one (it does no harm when carried out twice, as
    /// an IAM token request).
    /// </summary>
    public RetryDecision ForResponse(HttpMethod method, HttpStatusCode status, RetryConditionHeaderValue? retryAfter,
        int attempt,
        DateTimeOffset now, bool repeatSafe = false)
    {
        int code = (int)status;
        bool retryable = IsRejectedBeforeProcessing(status) || (code == 504 && (repeatSafe || IsIdempotent(method)));
        if (!retryable)
        {
            return code == 504 || code == 500
                ? RetryDecision.Stop(RetryReason.MayHaveBeenCarriedOut,
                    $"not retried: a {method} that got HTTP {code} may have been carried out")
                : RetryDecision.Stop(RetryReason.StatusNotRetried, $"HTTP {code} is not retried");
        }
        if (attempt > _settings.MaximumRetryCount)
            return GaveUp(attempt);

        TimeSpan? serverDelay = RetryAfter(retryAfter, now);
        if (serverDelay.HasValue)
        {
            if (serverDelay.Value.TotalSeconds > _settings.MaximumRetryAfterSec)
            {
                return RetryDecision.Stop(RetryReason.RetryAfterTooLong, string.Format(CultureInfo.InvariantCulture,
                    "the service asked to wait {0:0.#} s (Retry-After); the limit is {1:0.#} s, "
                    + "see Set-DqcConfig -MaximumRetryAfterSec",
                    serverDelay.Value.TotalSeconds, _settings.MaximumRetryAfterSec));
            }
            return new RetryDecision(RetryReason.RetryAfter, serverDelay.Value,
                string.Format(CultureInfo.InvariantCulture,
                "retry {0} of {1} in {2:0.0##} s (Retry-After)", attempt, _settings.MaximumRetryCount,
                serverDelay.Value.TotalSeconds));
        }
        return Backoff(attempt);
    }

    /// <summary>What to do after attempt number <c>attempt</c> got no answer; <paramref name="repeatSafe"/> as in <see
    /// cref="ForResponse"/>.</summary>
    public RetryDecision ForFailure(HttpMethod method, TransportFailure failure, int attempt, bool repeatSafe = false)
    {
        switch (failure)
        {
            case TransportFailure.Tls:
                return RetryDecision.Stop(RetryReason.TlsFailure, "a TLS failure is not retried");
            case TransportFailure.NotSent:
                break;
            default:
                if (!repeatSafe && !IsIdempotent(method))
                    return RetryDecision.Stop(RetryReason.MayHaveReachedService,
                        $"not retried: the {method} may have reached the service");
                break;
        }
        if (attempt > _settings.MaximumRetryCount)
            return GaveUp(attempt);
        return Backoff(attempt);
    }

    /// <summary>Full jitter: uniform in [0, min(cap, base * 2^(attempt-1))].</summary>
    public TimeSpan BackoffDelay(int attempt)
    {
        double ceiling = _settings.RetryIntervalSec * Math.Pow(2, Math.Max(0, Math.Min(attempt - 1, 30)));
        ceiling = Math.Min(ceiling, _settings.MaximumRetryIntervalSec);
        return TimeSpan.FromSeconds(_random() * ceiling);
    }

    /// <summary>A Retry-After header as a wait from <paramref name="now"/>: delta seconds, or an HTTP date (never
    /// negative).</summary>
    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header is null) return null;
        if (header.Delta.HasValue) return header.Delta.Value < TimeSpan.Zero ? TimeSpan.Zero : header.Delta.Value;
        if (header.Date.HasValue)
        {
            var wait = header.Date.Value - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }

    private RetryDecision Backoff(int attempt)
    {
        var delay = BackoffDelay(attempt);
        return new RetryDecision(RetryReason.Backoff, delay, string.Format(CultureInfo.InvariantCulture,
            "retry {0} of {1} in {2:0.0##} s", attempt, _settings.MaximumRetryCount, delay.TotalSeconds));
    }

    private static RetryDecision GaveUp(int attempt) => attempt == 1
        ? RetryDecision.Stop(RetryReason.RetriesOff, "retries are off (MaximumRetryCount 0)")
        : RetryDecision.Stop(RetryReason.GaveUp, $"gave up after {attempt} attempts");

    private static class SharedRandom
    {
        private static readonly Random Seed = new Random();
        [ThreadStatic] private static Random? _local;

        public static double NextDouble()
        {
            if (_local is null)
            {
                int seed;
                lock (Seed) seed = Seed.Next();
                _local = new Random(seed);
            }
            return _local.NextDouble();
        }
    }
}

namespace DataArtsQuality.Models;

/// <summary>The session's HTTP settings, as Get-DqcConfig shows them.</summary>
public sealed class DqcConfig
{
    /// <summary>How many times a failed request is sent again (0 = never).</summary>
    public int MaximumRetryCount { get; set; }

    /// <summary>The first back-off in seconds; doubles with each retry (full jitter).</summary>
    public double RetryIntervalSec { get; set; }

    /// <summary>The longest back-off in seconds when the service gives no Retry-After.</summary>
    public double MaximumRetryIntervalSec { get; set; }

    /// <summary>A Retry-After longer than this (seconds) is not waited for.</summary>
    public double MaximumRetryAfterSec { get; set; }

    /// <summary>How long one HTTP call may take, in seconds.</summary>
    public double TimeoutSec { get; set; }

    /// <summary>Requests per <see cref="RateLimitPeriodSec"/> one user may start, all connections and runspaces
    /// together; 0 = no client-side limit.</summary>
    public int RateLimitCount { get; set; }

    public double RateLimitPeriodSec { get; set; }

    /// <summary>When Restart-DqcJob is stopped, how long (seconds) the reruns on the wire may take to answer.</summary>
    public double StopGraceSec { get; set; }

    /// <summary>How many instance listings Restart-DqcJob makes to look for the run of a rerun whose answer was
    /// lost.</summary>
    public int LostAnswerLookCount { get; set; }

    /// <summary>Seconds between those listings.</summary>
    public double LostAnswerLookIntervalSec { get; set; }
    /// <summary>Whether this OS user's processes on the machine share one rate limit per user (a state file under a
    /// lock).</summary>
    public bool SharedRateLimit { get; set; }

    /// <summary>Session (the session's settings) or Runspace (Set-DqcConfig made in this runspace applies here
    /// only).</summary>
    public string Scope { get; set; } = "Session";
}

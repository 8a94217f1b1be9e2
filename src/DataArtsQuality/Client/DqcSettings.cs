namespace DataArtsQuality.Client;

/// <summary>
/// How the HTTP core behaves: retries, timeouts and the client-side rate limit. The names follow PowerShell's own
/// web cmdlets (-MaximumRetryCount, -RetryIntervalSec, -TimeoutSec). A settings object is never changed once a
/// connection uses it: <see cref="Clone"/> it and assign the copy.
/// </summary>
internal sealed class DqcSettings
{
    public const int DefaultMaximumRetryCount = 4;
    public const double DefaultRetryIntervalSec = 1;
    public const double DefaultTimeoutSec = 100;
    /// <summary>40 requests per user per 10 s (docs/service-notes.md, Rate limit).</summary>
    public const int DefaultRateLimitCount = 40;
    public const double DefaultRateLimitPeriodSec = 10;
    public const double DefaultMaximumRetryIntervalSec = 30;
    public const double DefaultMaximumRetryAfterSec = 300;
    public const double DefaultStopGraceSec = 2;
    public const int DefaultLostAnswerLookCount = 3;
    public const double DefaultLostAnswerLookIntervalSec = 2;

    public const string MaximumRetryCountVariable = "DQC_MAX_RETRIES";
    public const string RetryIntervalSecVariable = "DQC_RETRY_INTERVAL_SEC";
    public const string TimeoutSecVariable = "DQC_TIMEOUT_SEC";
    public const string RateLimitCountVariable = "DQC_RATE_LIMIT_COUNT";
    public const string RateLimitPeriodSecVariable = "DQC_RATE_LIMIT_PERIOD_SEC";

    /// <summary>How many times a failed request is sent again (0 = never). Attempts = this + 1.</summary>
    public int MaximumRetryCount { get; set; } = DefaultMaximumRetryCount;

    /// <summary>The first back-off; each further retry doubles it (full jitter: a random wait up to that).</summary>
    public double RetryIntervalSec { get; set; } = DefaultRetryIntervalSec;

    /// <summary>The longest single back-off when the service gives no Retry-After.</summary>
    public double MaximumRetryIntervalSec { get; set; } = DefaultMaximumRetryIntervalSec;

    /// <summary>A Retry-After longer than this is not waited for: the call fails instead.</summary>
    public double MaximumRetryAfterSec { get; set; } = DefaultMaximumRetryAfterSec;

    /// <summary>How long one HTTP call (one attempt) may take.</summary>
    public double TimeoutSec { get; set; } = DefaultTimeoutSec;

    /// <summary>Requests a connection may start per <see cref="RateLimitPeriodSec"/>; 0 turns the limiter
    /// off.</summary>
    public int RateLimitCount { get; set; } = DefaultRateLimitCount;

    public double RateLimitPeriodSec { get; set; } = DefaultRateLimitPeriodSec;

    /// <summary>
    /// When Restart-DqcJob is stopped (Ctrl+C), how long the reruns already on the wire may take to answer before
    /// they are cancelled, so that most are reported with their instance IDs; 0 cancels them at once.
    /// </summary>
    public double StopGraceSec { get; set; } = DefaultStopGraceSec;

    /// <summary>
    /// When a rerun's answer is lost (it may have started), how many instance listings Restart-DqcJob makes to look
    /// for its run before it reports the outcome as unknown; 0 does not look. Reruns looked for at once share them.
    /// </summary>
    public int LostAnswerLookCount { get; set; } = DefaultLostAnswerLookCount;

    /// <summary>The time between those listings, for a run that the service does not list at once.</summary>
    public double LostAnswerLookIntervalSec { get; set; } = DefaultLostAnswerLookIntervalSec;
    /// <summary>
    /// Whether the rate limit is shared with this OS user's other processes on the machine through the user's state
    /// file (RateLimit/SharedRateFile); false: this process counts only its own requests.
    /// </summary>
    public bool SharedRateLimit { get; set; } = true;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSec);

    public TimeSpan RateLimitPeriod => TimeSpan.FromSeconds(RateLimitPeriodSec);

    public DqcSettings Clone() => (DqcSettings)MemberwiseClone();

    /// <summary>Throws <see cref="ArgumentException"/> for values the core cannot work with.</summary>
    public DqcSettings Validate()
    {
        Check(MaximumRetryCount >= 0 && MaximumRetryCount <= 100, nameof(MaximumRetryCount), "between 0 and 100");
        Check(RetryIntervalSec >= 0 && RetryIntervalSec <= 600, nameof(RetryIntervalSec), "between 0 and 600 seconds");
        Check(MaximumRetryIntervalSec >= 0 && MaximumRetryIntervalSec <= 3600, nameof(MaximumRetryIntervalSec),
            "between 0 and 3600 seconds");
        Check(MaximumRetryAfterSec >= 0 && MaximumRetryAfterSec <= 86400, nameof(MaximumRetryAfterSec),
            "between 0 and 86400 seconds");
        Check(TimeoutSec > 0 && TimeoutSec <= 86400, nameof(TimeoutSec), "more than 0 and at most 86400 seconds");
        Check(RateLimitCount >= 0 && RateLimitCount <= 100000, nameof(RateLimitCount), "between 0 (off) and 100000");
        Check(RateLimitPeriodSec > 0 && RateLimitPeriodSec <= 3600, nameof(RateLimitPeriodSec),
            "more than 0 and at most 3600 seconds");
        Check(StopGraceSec >= 0 && StopGraceSec <= 30, nameof(StopGraceSec), "between 0 and 30 seconds");
        Check(LostAnswerLookCount >= 0 && LostAnswerLookCount <= 10, nameof(LostAnswerLookCount),
            "between 0 (do not look) and 10");
        Check(LostAnswerLookIntervalSec >= 0 && LostAnswerLookIntervalSec <= 60, nameof(LostAnswerLookIntervalSec),
            "between 0 and 60 seconds");
        return this;
    }

    /// <summary>
    /// The defaults, overridden by DQC_MAX_RETRIES, DQC_RETRY_INTERVAL_SEC, DQC_TIMEOUT_SEC, DQC_RATE_LIMIT_COUNT and
    /// DQC_RATE_LIMIT_PERIOD_SEC where set. A value that cannot be used is ignored and named in <paramref
    /// name="problems"/>.
    /// </summary>
    public static DqcSettings FromEnvironment(out IReadOnlyList<string> problems,
        Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var list = new List<string>();
        var s = new DqcSettings();
        ReadInt(environment, MaximumRetryCountVariable, 0, 100, v => s.MaximumRetryCount = v, list);
        ReadDouble(environment, RetryIntervalSecVariable, 0, 600, false, v => s.RetryIntervalSec = v, list);
        ReadDouble(environment, TimeoutSecVariable, 0, 86400, true, v => s.TimeoutSec = v, list);
        ReadInt(environment, RateLimitCountVariable, 0, 100000, v => s.RateLimitCount = v, list);
        ReadDouble(environment, RateLimitPeriodSecVariable, 0, 3600, true, v => s.RateLimitPeriodSec = v, list);
        problems = list;
        return s;
    }

    public static DqcSettings FromEnvironment() => FromEnvironment(out _);

    private static void Check(bool ok, string name, string range)
    {
        if (!ok) throw new ArgumentException($"{name} must be {range}.", name);
    }

    private static void ReadInt(Func<string, string?> env, string name, int min, int max, Action<int> set,
        List<string> problems)
    {
        string? raw = env(name);
        if (string.IsNullOrWhiteSpace(raw)) return;
        if (int.TryParse(raw!.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture,
            out int v) && v >= min && v <= max) set(v);
        else problems.Add($"{name}='{raw}' is ignored: expected a whole number from {min} to {max}.");
    }

    private static void ReadDouble(Func<string, string?> env, string name, double min, double max, bool exclusiveMin,
        Action<double> set, List<string> problems)
    {
        string? raw = env(name);
        if (string.IsNullOrWhiteSpace(raw)) return;
        if (double.TryParse(raw!.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double v)
            && (exclusiveMin ? v > min : v >= min) && v <= max)
            set(v);
        else problems.Add($"{name}='{raw}' is ignored: expected a number of seconds {(exclusiveMin ? "above" : "from")} {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}.");
    }
}

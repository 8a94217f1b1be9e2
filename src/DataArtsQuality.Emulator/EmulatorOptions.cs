namespace DataArtsQuality.Emulator;

/// <summary>How an emulator instance behaves. Command-line flags map onto these (see Program.cs).</summary>
public sealed class EmulatorOptions
{
    /// <summary>0 picks a free port.</summary>
    public int Port { get; set; }

    public string ProjectId { get; set; } = EmulatorDefaults.ProjectId;

    public string WorkspaceId { get; set; } = EmulatorDefaults.WorkspaceId;

    /// <summary>The X-Auth-Token the emulator accepts besides the tokens its IAM issues.</summary>
    public string Token { get; set; } = EmulatorDefaults.Token;

    public int QualityJobs { get; set; } = 250;

    public int ComparisonJobs { get; set; } = 120;

    /// <summary>How long a new instance stays RUNNING before it reaches its outcome.</summary>
    public int InstanceRunMilliseconds { get; set; } = 2000;

    /// <summary>
    /// Enforce the gateway limit: requests per caller per <see cref="RateLimitPeriodMilliseconds"/>; 0 = off (default).
    /// </summary>
    public int RateLimitCount { get; set; }

    public int RateLimitPeriodMilliseconds { get; set; } = 10_000;

    /// <summary>Refused requests take a slot of the window too (the gateway's docs do not say [inf]).</summary>
    public bool RateLimitCountsRefused { get; set; }

    /// <summary>
    /// Comparison job details send sub_rules as an array of arrays (the SDKs' shape) instead of flat (the docs').
    /// </summary>
    public bool NestedSubRules { get; set; }

    /// <summary>How long tokens issued by the emulator's IAM live (real IAM: 24 hours).</summary>
    public int TokenLifetimeSeconds { get; set; } = 86400;

    /// <summary>
    /// Shifts the emulator's clock (for the 15-minute X-Sdk-Date check and token times), to test clock skew.
    /// </summary>
    public int ClockSkewSeconds { get; set; }

    /// <summary>The region: the name of the seeded project in the emulator's IAM.</summary>
    public string Region { get; set; } = EmulatorDefaults.Region;

    /// <summary>Exit when this process ends (so a crashed test run leaves no emulator behind).</summary>
    public int? ParentProcessId { get; set; }

    /// <summary>
    /// Quality jobs from a seed file (--jobs); with either seed, the main workspace holds only seeded jobs.
    /// </summary>
    public IReadOnlyList<State.JobSeed>? QualityJobSeed { get; set; }

    /// <summary>Comparison jobs from a seed file (--comparison-jobs FILE).</summary>
    public IReadOnlyList<State.JobSeed>? ComparisonJobSeed { get; set; }

    /// <summary>
    /// What every new run ends in (SUCCESS, ALARMING, FAILED) whatever its job's own outcome; null = the job's.
    /// </summary>
    public string? FinalStatus { get; set; }

    /// <summary>IAM users besides the seeded one (same account): name and password.</summary>
    public List<(string Name, string Password)> Users { get; } = new();

    /// <summary>
    /// AK/SK pairs besides the seeded ones; a security token makes the pair temporary (it must be sent).
    /// </summary>
    public List<(string AccessKey, string SecretKey, string? SecurityToken)> AccessKeys { get; } = new();

    /// <summary>Faults queued at start, as for POST /_emulator/faults.</summary>
    public List<Faults.FaultSpec> Faults { get; } = new();
}

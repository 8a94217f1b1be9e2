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

    /// <summary>Enforce the gateway limit: requests per caller per <see cref="RateLimitPeriodMilliseconds"/>; 0 = off (default).</summary>
    public int RateLimitCount { get; set; }

    public int RateLimitPeriodMilliseconds { get; set; } = 10_000;
    /// <summary>Comparison job details send sub_rules as an array of arrays (the SDKs' shape) instead of flat (the docs').</summary>
    public bool NestedSubRules { get; set; }

    /// <summary>Exit when this process ends (so a crashed test run leaves no emulator behind).</summary>
    public int? ParentProcessId { get; set; }
}

/// <summary>The seeded tenant. IDs have the documented shapes: 32-hex project and workspace IDs.</summary>
public static class EmulatorDefaults
{
    public const string ProjectId = "0833a5737480d53b2f25c010dc1a7b88";
    public const string WorkspaceId = "1dd3bc4fa1d44e3b8d4ef1c2a3b4d93f";
    public const string Token = "MIIEmulatorToken-not-a-real-secret";
}

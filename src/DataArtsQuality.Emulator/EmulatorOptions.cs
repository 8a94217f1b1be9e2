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

    /// <summary>How long tokens issued by the emulator's IAM live (real IAM: 24 hours).</summary>
    public int TokenLifetimeSeconds { get; set; } = 86400;

    /// <summary>Shifts the emulator's clock (for the 15-minute X-Sdk-Date check and token times), to test clock skew.</summary>
    public int ClockSkewSeconds { get; set; }

    /// <summary>The region: the name of the seeded project in the emulator's IAM.</summary>
    public string Region { get; set; } = EmulatorDefaults.Region;

    /// <summary>Exit when this process ends (so a crashed test run leaves no emulator behind).</summary>
    public int? ParentProcessId { get; set; }

    /// <summary>Quality jobs from a seed file (--jobs); with either seed, the main workspace holds only seeded jobs.</summary>
    public IReadOnlyList<State.JobSeed>? QualityJobSeed { get; set; }

    /// <summary>Comparison jobs from a seed file (--comparison-jobs FILE).</summary>
    public IReadOnlyList<State.JobSeed>? ComparisonJobSeed { get; set; }

    /// <summary>What every new run ends in (SUCCESS, ALARMING, FAILED) whatever its job's own outcome; null = the job's.</summary>
    public string? FinalStatus { get; set; }

    /// <summary>IAM users besides the seeded one (same account): name and password.</summary>
    public List<(string Name, string Password)> Users { get; } = new();

    /// <summary>AK/SK pairs besides the seeded ones; a security token makes the pair temporary (it must be sent).</summary>
    public List<(string AccessKey, string SecretKey, string? SecurityToken)> AccessKeys { get; } = new();

    /// <summary>Faults queued at start, as for POST /_emulator/faults.</summary>
    public List<Faults.FaultSpec> Faults { get; } = new();
}

/// <summary>The seeded tenant. IDs have the documented shapes: 32-hex project and workspace IDs.</summary>
public static class EmulatorDefaults
{
    public const string ProjectId = "0833a5737480d53b2f25c010dc1a7b88";
    public const string WorkspaceId = "1dd3bc4fa1d44e3b8d4ef1c2a3b4d93f";
    public const string Token = "MIIEmulatorToken-not-a-real-secret";

    // Seeded credentials of the emulator's IAM and gateway. Fake values, published in /_emulator/auth for tests.
    public const string Region = "ap-southeast-1";
    public const string DomainName = "emulator-account";
    public const string DomainId = "d4e5f60718293a4b5c6d7e8f90a1b2c3";
    public const string UserName = "dqc-runner";
    public const string Password = "Emulator-Passw0rd!not-real";
    public const string AccessKey = "EMULATORAK0000000001";
    public const string SecretKey = "EmulatorSecretKey0123456789notReal0123456";
    public const string TemporaryAccessKey = "EMULATORTMPAK0000002";
    public const string TemporarySecretKey = "EmulatorTemporarySecret0123456789notReal9";
    public const string SecurityToken = "gQpFakeSecurityToken-emulator-0123456789abcdefghijklmnopqrstuvwxyz==";
    /// <summary>The DataArts Studio instance whose workspaces the Management Center list returns.</summary>
    public const string InstanceId = "a7bdca22f2f5430ab2cd3d2dbe2c3a22";
}

namespace DataArtsQuality.Emulator;

/// <summary>
/// SHIM for the Mono lane: the options the shared emulator tests set, turned into the staged emulator's command-line
/// flags (the emulator is .NET-only code; here it runs as a child process, see <see cref="EmulatorApp"/>).
/// </summary>
public sealed class EmulatorOptions
{
    public int QualityJobs { get; set; } = 250;
    public int ComparisonJobs { get; set; } = 120;
    public int InstanceRunMilliseconds { get; set; } = 2000;
    public int TokenLifetimeSeconds { get; set; } = 86400;
    public int ClockSkewSeconds { get; set; }

    public string[] ToArguments() => new[]
    {
        "--quality-jobs", QualityJobs.ToString(), "--comparison-jobs", ComparisonJobs.ToString(),
        "--instance-run-ms", InstanceRunMilliseconds.ToString(),
        "--token-lifetime-sec", TokenLifetimeSeconds.ToString(),
        "--clock-skew-sec", ClockSkewSeconds.ToString(),
    };
}

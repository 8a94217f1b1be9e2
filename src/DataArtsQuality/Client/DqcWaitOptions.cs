namespace DataArtsQuality.Client;

internal sealed class DqcWaitOptions
{
    /// <summary>How long to wait in all; then each instance without a verdict is reported as timed out.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How far back to search for an instance whose start is not known.</summary>
    public TimeSpan DefaultLookBack { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Searched that much before the earliest known start, for clock skew between this machine and the
    /// service.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>An instance missing from this many complete searches in a row is reported as not found.</summary>
    public int NotFoundAfterPolls { get; set; } = 3;
}

namespace DataArtsQuality.Client;

/// <summary>DQC v2 times: 13-digit millisecond epochs.</summary>
internal static class DqcTime
{
    public static string ToMs(DateTimeOffset time)
        => time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A DateTime from PowerShell: Local and Unspecified kinds are the machine's local time, Utc is UTC.
    /// </summary>
    public static DateTimeOffset FromDateTime(DateTime time) =>
        time.Kind == DateTimeKind.Utc ? new DateTimeOffset(time, TimeSpan.Zero) : new DateTimeOffset(
            DateTime.SpecifyKind(time, DateTimeKind.Local));

    public static DateTimeOffset? FromMs(long? ms) =>
        ms.HasValue ? DateTimeOffset.FromUnixTimeMilliseconds(ms.Value).ToLocalTime() : null;
}

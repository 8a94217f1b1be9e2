namespace DataArtsQuality.Client;

/// <summary>The time formats <see cref="DqcTime"/> does not cover: ms epochs in strings (ScoreTrendVO) and the v1
/// list's.</summary>
internal static class DqcEpoch
{
    /// <summary>"1669132800000" → that instant; null or non-numeric text → null.</summary>
    public static DateTimeOffset? FromMsText(string? text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long ms) ? DqcTime.FromMs(
            ms) : null;

    /// <summary>v1 times: ISO-8601 with an offset ("2022-11-17T10:23:12+08:00").</summary>
    public static DateTimeOffset? FromIso(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;

    /// <summary>
    /// v1 filters: "yyyy-MM-dd HH:mm:ss" without a zone. ASSUMPTION: written in UTC+08:00, the offset of every v1
    /// time in the docs' examples; no document states the zone the service reads them in (the help says so too).
    /// </summary>
    public static string ToV1(DateTimeOffset time)
        => time.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}

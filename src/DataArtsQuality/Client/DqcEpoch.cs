using System;
using System.Globalization;

namespace DataArtsQuality.Client
{
    /// <summary>DQC v2 and report times are 13-digit millisecond epochs (numbers, or strings in ScoreTrendVO).</summary>
    public static class DqcEpoch
    {
        public static string ToMs(DateTimeOffset time) => time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

        /// <summary>A DateTime from PowerShell: Utc stays UTC, Local and Unspecified are the machine's local time.</summary>
        public static DateTimeOffset FromDateTime(DateTime time) =>
            time.Kind == DateTimeKind.Utc ? new DateTimeOffset(time, TimeSpan.Zero) : new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Local));

        public static DateTimeOffset? FromMs(long? ms) =>
            ms.HasValue ? DateTimeOffset.FromUnixTimeMilliseconds(ms.Value).ToLocalTime() : null;

        /// <summary>"1669132800000" → that instant; null or non-numeric text → null.</summary>
        public static DateTimeOffset? FromMsText(string? text) =>
            long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long ms) ? FromMs(ms) : null;

        /// <summary>v1 times: ISO-8601 with an offset ("2022-11-17T10:23:12+08:00").</summary>
        public static DateTimeOffset? FromIso(string? text) =>
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;

        /// <summary>
        /// v1 filters: "yyyy-MM-dd HH:mm:ss" without a zone. Written in UTC+08:00, the offset of every v1 time in the
        /// docs' examples [inf: the zone the service reads them in is undocumented].
        /// </summary>
        public static string ToV1(DateTimeOffset time) => time.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }
}

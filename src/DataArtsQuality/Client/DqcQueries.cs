using System;
using System.Collections.Generic;
using System.Globalization;
using DataArtsQuality.Models;

namespace DataArtsQuality.Client
{
    /// <summary>Server-side filters of ListQualityTask / ListConsistencyTask. Null means "not filtered".</summary>
    public sealed class DqcJobQuery
    {
        public string? Name { get; set; }

        public string? CategoryId { get; set; }

        /// <summary>UNKNOWN, NOT_START, SCHEDULING, FINISH_SUCCESS, KILL or RUNNING_EXCEPTION (sent upper case).</summary>
        public string? ScheduleStatus { get; set; }

        public string? Creator { get; set; }

        /// <summary>Start of the last-run-time window (start_time, ms).</summary>
        public DateTimeOffset? LastRunAfter { get; set; }

        /// <summary>End of the last-run-time window (end_time, ms).</summary>
        public DateTimeOffset? LastRunBefore { get; set; }

        internal List<KeyValuePair<string, string>> ToQuery()
        {
            var q = new List<KeyValuePair<string, string>>();
            if (CategoryId != null)
            {
                q.Add(Pair("category_id", DqcIds.Require(CategoryId, "category ID")));
            }
            if (!string.IsNullOrEmpty(Name)) q.Add(Pair("name", Name!));
            if (!string.IsNullOrEmpty(ScheduleStatus)) q.Add(Pair("schedule_status", ScheduleStatus!.ToUpperInvariant()));
            if (LastRunAfter.HasValue) q.Add(Pair("start_time", DqcTime.ToMs(LastRunAfter.Value)));
            if (LastRunBefore.HasValue) q.Add(Pair("end_time", DqcTime.ToMs(LastRunBefore.Value)));
            if (!string.IsNullOrEmpty(Creator)) q.Add(Pair("creator", Creator!));
            return q;
        }

        internal static KeyValuePair<string, string> Pair(string key, string value) => new KeyValuePair<string, string>(key, value);
    }

    /// <summary>Server-side filters of ListInstances. Null means "not filtered".</summary>
    public sealed class DqcInstanceQuery
    {
        /// <summary>The job ("rule") name filter.</summary>
        public string? Name { get; set; }

        /// <summary>task_type: QUALITY_TASK or CONSISTENCY_TASK.</summary>
        public DqcRuleType? JobType { get; set; }

        /// <summary>RUNNING, FAILED, ALARMING, SUCCESS, SUSPENDING or UNKNOWN (sent upper case).</summary>
        public string? RunStatus { get; set; }

        /// <summary>NOT_TRIGGERED, SUCCESS or FAILED (sent upper case).</summary>
        public string? NotifyStatus { get; set; }

        /// <summary>Start of the window on the run's start time (start_time, ms).</summary>
        public DateTimeOffset? After { get; set; }

        /// <summary>End of the window (end_time, ms).</summary>
        public DateTimeOffset? Before { get; set; }

        internal List<KeyValuePair<string, string>> ToQuery()
        {
            var q = new List<KeyValuePair<string, string>>();
            if (!string.IsNullOrEmpty(Name)) q.Add(DqcJobQuery.Pair("name", Name!));
            if (JobType.HasValue) q.Add(DqcJobQuery.Pair("task_type", DqcRuleTypes.ToTaskType(JobType.Value)));
            if (!string.IsNullOrEmpty(RunStatus)) q.Add(DqcJobQuery.Pair("run_status", RunStatus!.ToUpperInvariant()));
            if (!string.IsNullOrEmpty(NotifyStatus)) q.Add(DqcJobQuery.Pair("notify_status", NotifyStatus!.ToUpperInvariant()));
            if (After.HasValue) q.Add(DqcJobQuery.Pair("start_time", DqcTime.ToMs(After.Value)));
            if (Before.HasValue) q.Add(DqcJobQuery.Pair("end_time", DqcTime.ToMs(Before.Value)));
            return q;
        }
    }

    /// <summary>DQC v2 times: 13-digit millisecond epochs.</summary>
    public static class DqcTime
    {
        public static string ToMs(DateTimeOffset time) => time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

        /// <summary>
        /// A DateTime from PowerShell: Local and Unspecified kinds are the machine's local time, Utc is UTC.
        /// </summary>
        public static DateTimeOffset FromDateTime(DateTime time) =>
            time.Kind == DateTimeKind.Utc ? new DateTimeOffset(time, TimeSpan.Zero) : new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Local));

        public static DateTimeOffset? FromMs(long? ms) =>
            ms.HasValue ? DateTimeOffset.FromUnixTimeMilliseconds(ms.Value).ToLocalTime() : null;
    }
}

namespace DataArtsQuality.Emulator.State;

/// <summary>
/// The documented values of the job fields the emulator checks, seeds and numbers (docs/service-notes.md,
/// Enumerations).
/// </summary>
public static class DqcValues
{
    /// <summary>schedule_status in the documented order; the v1 job list numbers them from 1 in this order.</summary>
    public static readonly string[] ScheduleStatuses =
        { "NOT_START", "SCHEDULING", "FINISH_SUCCESS", "KILL", "RUNNING_EXCEPTION" };

    /// <summary>schedule_period; the v1 job list numbers them from 1 in this order.</summary>
    public static readonly string[] SchedulePeriods = { "MINUTE", "HOUR", "DAY", "WEEK" };

    /// <summary>A job's alarm level.</summary>
    public static readonly string[] Levels = { "SUGGEST", "MINOR", "MAJOR", "FATAL" };

    /// <summary>The quality dimensions; a template's dimension_id is the 1-based position here.</summary>
    public static readonly string[] Dimensions =
        { "Completeness", "Uniqueness", "Timeliness", "Validity", "Accuracy", "Consistency" };

    /// <summary>What a finished run can end in (the run_status of a run that is over).</summary>
    public static readonly string[] Outcomes = { "SUCCESS", "ALARMING", "FAILED" };
}

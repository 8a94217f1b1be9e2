namespace DataArtsQuality.Emulator.State;

/// <summary>A quality or comparison job as the emulator stores it.</summary>
public sealed class EmulatedJob
{
    public long Id { get; init; }
    public JobKind Kind { get; init; }
    public string Name { get; set; } = "";
    public long CategoryId { get; set; }
    public string ScheduleStatus { get; set; } = "NOT_START";
    public string? SchedulePeriod { get; set; }
    public string? ScheduleInterval { get; set; }
    public long CreateTime { get; set; }
    public long? LastRunTime { get; set; }
    public string Creator { get; set; } = "ei";
    public string Level { get; set; } = "SUGGEST";

    /// <summary>What a run of this job ends in: SUCCESS, ALARMING or FAILED (chosen at seed time).</summary>
    public string Outcome { get; set; } = "SUCCESS";

    /// <summary>How many instances were made; the next instance is named "{Name}-{RunCount}".</summary>
    public int RunCount { get; set; }
}

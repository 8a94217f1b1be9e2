namespace DataArtsQuality.Emulator.State;

public enum JobKind
{
    Quality = 1,
    Comparison = 2,
}

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

/// <summary>One run of a job.</summary>
public sealed class EmulatedInstance
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public long TaskId { get; init; }
    public JobKind Kind { get; init; }
    public string RunStatus { get; set; } = "RUNNING";
    public string NotifyStatus { get; set; } = "NOT_TRIGGERED";
    public long StartTime { get; init; }
    public long? EndTime { get; set; }

    /// <summary>When (ms epoch) a SUSPENDING instance becomes RUNNING.</summary>
    public long RunningAt { get; init; }

    /// <summary>When (ms epoch) a RUNNING instance reaches <see cref="Outcome"/>.</summary>
    public long FinishAt { get; init; }
    public string Outcome { get; init; } = "SUCCESS";
}

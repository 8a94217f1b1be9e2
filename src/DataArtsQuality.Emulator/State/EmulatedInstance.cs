namespace DataArtsQuality.Emulator.State;

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

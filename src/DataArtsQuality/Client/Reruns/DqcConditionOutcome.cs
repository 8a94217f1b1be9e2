namespace DataArtsQuality.Client.Reruns;

/// <summary>The decision of <see cref="DqcNewerRunCheck"/> for one item.</summary>
internal sealed class DqcConditionOutcome
{
    private DqcConditionOutcome(DqcConditionKind kind, DqcInstance? run, DqcRerun? rerun)
    {
        Kind = kind;
        Run = run;
        Rerun = rerun;
    }

    public static readonly DqcConditionOutcome Start = new DqcConditionOutcome(DqcConditionKind.Start, null, null);

    public static DqcConditionOutcome Newer(DqcInstance run)
        => new DqcConditionOutcome(DqcConditionKind.NewerRun, run, null);

    public static DqcConditionOutcome Sent(DqcRerun rerun)
        => new DqcConditionOutcome(DqcConditionKind.RerunSent, null, rerun);

    public DqcConditionKind Kind { get; }

    /// <summary>The newer run (NewerRun).</summary>
    public DqcInstance? Run { get; }

    /// <summary>The rerun this process sent after the reference (RerunSent).</summary>
    public DqcRerun? Rerun { get; }
}

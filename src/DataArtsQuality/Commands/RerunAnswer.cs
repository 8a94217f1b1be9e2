namespace DataArtsQuality.Commands;

/// <summary>
/// What Restart-DqcJob learnt of one rerun: the new instance ID, from the service's answer, or, when that answer was
/// lost, from the run found among the job's instances (<see cref="FoundRun"/>, with the failure in <see
/// cref="LostAnswer"/>); or, for a conditional rerun not started, the newer run that stands for it (<see
/// cref="FoundRun"/>, with the message in <see cref="NotStartedFor"/>).
/// </summary>
internal sealed class RerunAnswer
{
    public RerunAnswer(string instanceId, DqcInstance? foundRun, Exception? lostAnswer, string? notStartedFor = null)
    {
        InstanceId = instanceId;
        FoundRun = foundRun;
        LostAnswer = lostAnswer;
        NotStartedFor = notStartedFor;
    }

    /// <summary>Not re-run (a newer run exists): the warning that says so. The run is <see cref="FoundRun"/>.</summary>
    public string? NotStartedFor { get; }

    public string InstanceId { get; }

    public DqcInstance? FoundRun { get; }

    public Exception? LostAnswer { get; }
}

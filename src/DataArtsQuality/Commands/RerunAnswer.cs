namespace DataArtsQuality.Commands
{
    /// <summary>
    /// What Restart-DqcJob learnt of one rerun: the new instance ID, from the service's answer, or, when that answer was
    /// lost, from the run found among the job's instances (<see cref="FoundRun"/>, with the failure in <see cref="LostAnswer"/>).
    /// </summary>
    internal sealed class RerunAnswer
    {
        public RerunAnswer(string instanceId, DqcInstance? foundRun, Exception? lostAnswer)
        {
            InstanceId = instanceId;
            FoundRun = foundRun;
            LostAnswer = lostAnswer;
        }

        public string InstanceId { get; }

        public DqcInstance? FoundRun { get; }

        public Exception? LostAnswer { get; }
    }
}

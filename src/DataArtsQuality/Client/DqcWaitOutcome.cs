namespace DataArtsQuality.Client
{
    internal sealed class DqcWaitOutcome
    {
        internal DqcWaitOutcome(string instanceId, DqcWaitOutcomeKind kind, DqcInstance? instance)
        {
            InstanceId = instanceId;
            Kind = kind;
            Instance = instance;
        }

        public string InstanceId { get; }

        public DqcWaitOutcomeKind Kind { get; }

        /// <summary>The instance as last listed; null when it was never seen.</summary>
        public DqcInstance? Instance { get; }

        /// <summary>The last run status seen, or null when the instance was never seen.</summary>
        public string? LastStatus => Instance?.RunStatus;
    }
}

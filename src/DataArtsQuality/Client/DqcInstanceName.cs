using System.Runtime.CompilerServices;

namespace DataArtsQuality.Client
{
    /// <summary>A recent instance as the catalog remembers it: enough to complete its ID with a tooltip.</summary>
    internal sealed class DqcInstanceName
    {
        public DqcInstanceName(string instanceId, string name, string? runStatus, DateTimeOffset? startTime)
        {
            InstanceId = instanceId;
            Name = name;
            RunStatus = runStatus;
            StartTime = startTime;
        }

        public string InstanceId { get; }
        /// <summary>The instance name, which the service forms from the job's name.</summary>
        public string Name { get; }
        public string? RunStatus { get; }
        public DateTimeOffset? StartTime { get; }
    }
}

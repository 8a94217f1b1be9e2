namespace DataArtsQuality.Client;

/// <summary>A recent instance as the catalog remembers it: enough to complete its ID with a tooltip.</summary>
/// <param name="InstanceId">The instance ID.</param>
/// <param name="RunStatus">The run status when it was listed.</param>
/// <param name="StartTime">When it started, if it has.</param>
/// <param name="Name">The instance name, which the service forms from the job's name.</param>
internal sealed record DqcInstanceName(string InstanceId, string Name, string? RunStatus, DateTimeOffset? StartTime);

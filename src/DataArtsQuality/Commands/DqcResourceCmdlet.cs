using System.Management.Automation;

namespace DataArtsQuality.Commands;

/// <summary>Export/Import: polling the task status with a progress bar.</summary>
public abstract class DqcResourceCmdlet : DqcCmdlet
{
    private static readonly string[] Stages = { "WAITING", "RUNNING", "SUCCESS" };

    /// <summary>How long to wait between two status reads.</summary>
    [Parameter]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long to wait for the task in all.</summary>
    [Parameter]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(10);

    protected DqcResourceStatus Wait(string resourceId, bool needFile, string activity)
    {
        // A new record per write: the host may keep the records it is given, so one mutated record would show
        // only its last state.
        int activityId = Math.Abs(resourceId.GetHashCode() % 100000) + 1;
        try
        {
            return Run(ct => Client.WaitForResourceAsync(resourceId, needFile, PollInterval, Timeout, status =>
            {
                string s = status.Status ?? "?";
                int stage = Array.IndexOf(Stages, s.ToUpperInvariant());
                var record = new ProgressRecord(activityId, activity,
                    needFile && !string.IsNullOrEmpty(status.FileStatus) ? $"{s}, file {status.FileStatus}" : s)
                {
                    PercentComplete = stage < 0 ? 0 : (stage + 1) * 30,
                };
                OnPipelineThread(() => WriteProgress(record));
            }, ct));
        }
        finally
        {
            WriteProgress(
                new ProgressRecord(activityId, activity, "Done") { RecordType = ProgressRecordType.Completed });
        }
    }
}

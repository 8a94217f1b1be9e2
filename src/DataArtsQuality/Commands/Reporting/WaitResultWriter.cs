using System.Management.Automation;

namespace DataArtsQuality.Commands.Reporting;

/// <summary>
/// The cmdlet side of waiting, shared by Wait-DqcInstance and Restart-DqcJob -Wait: runs the core's
/// <see cref="InstanceWaiter"/> and, after every poll, on the pipeline thread, writes the instances that finished,
/// one error per instance that timed out or was not found, and a progress bar.
/// </summary>
internal static class WaitResultWriter
{
    private const int ActivityId = 0x0D9C;

    public static void Wait(Cmdlet cmdlet, DqcClient client, PipelinePump pump, IReadOnlyList<DqcWaitTarget> targets,
        DqcWaitOptions options,
        Func<string, Action, bool>? reportOnce = null)
    {
        if (targets.Count == 0) return;
        string activity = targets.Count == 1
            ? $"Waiting for DQC instance {targets[0].InstanceId}"
            : string.Format(CultureInfo.InvariantCulture, "Waiting for {0} DQC instances", targets.Count);
        var waiter = new InstanceWaiter(client);
        // Cancelled however the wait ends (a stop downstream, -ErrorAction Stop on a reported outcome), so no poll
        // goes on in the background spending the user's rate limit after the cmdlet returned.
        var stop = CancellationTokenSource.CreateLinkedTokenSource(pump.Token);
        Task<IReadOnlyList<DqcWaitOutcome>>? waiting = null;
        try
        {
            pump.Run(
                _ => waiting = waiter.WaitAsync(targets, options,
                    p => pump.OnPipelineThread(() => Report(cmdlet, activity, p, reportOnce)), stop.Token));
        }
        finally
        {
            stop.Cancel();
            if (waiting is null || waiting.IsCompleted) stop.Dispose();
            else waiting.ContinueWith(_ => stop.Dispose(), CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            cmdlet.WriteProgress(
                new ProgressRecord(ActivityId, activity, "Done") { RecordType = ProgressRecordType.Completed });
        }
    }

    // reportOnce runs the write that reports an instance's outcome (its ID, the write) and says whether it did: a
    // caller that may have reported the instance elsewhere (a stop report) writes it only once. Null: all are written.
    private static void Report(Cmdlet cmdlet, string activity, DqcWaitProgress progress,
        Func<string, Action, bool>? reportOnce)
    {
        foreach (var outcome in progress.NewOutcomes)
        {
            if (reportOnce is null) WriteOutcome(cmdlet, progress, outcome);
            else reportOnce(outcome.InstanceId, () => WriteOutcome(cmdlet, progress, outcome));
        }
        if (progress.IsDone) return;
        string counts = string.Join(", ", progress.CountsByStatus.Select(p => $"{p.Key} {p.Value}"));
        cmdlet.WriteProgress(new ProgressRecord(ActivityId, activity,
            string.Format(CultureInfo.InvariantCulture, "{0:hh\\:mm\\:ss} elapsed; {1}", progress.Elapsed, counts))
        {
            PercentComplete = progress.Total == 0 ? 100 : (int)(100L * progress.Finished / progress.Total),
            CurrentOperation = $"{progress.Finished} of {progress.Total} finished after {progress.Polls} poll(s), {progress.Requests} request(s)",
        });
    }

    private static void WriteOutcome(Cmdlet cmdlet, DqcWaitProgress progress, DqcWaitOutcome outcome)
    {
        switch (outcome.Kind)
        {
            case DqcWaitOutcomeKind.Finished:
                cmdlet.WriteObject(outcome.Instance);
                break;
            case DqcWaitOutcomeKind.TimedOut:
            {
                string last = outcome.LastStatus ?? "not listed yet";
                string message = string.Format(CultureInfo.InvariantCulture,
                    "Instance {0} did not finish within the timeout of {1:0.#} s; its last status was {2}.",
                    outcome.InstanceId, progress.Elapsed.TotalSeconds, last);
                cmdlet.WriteError(
                    ErrorRecords.Create(new TimeoutException(message), "DqcWaitTimeout", ErrorCategory.OperationTimeout,
                        outcome.InstanceId,
                    recommendedAction: $"Wait longer (-TimeoutSec), or check it later with Get-DqcInstance -InstanceId {outcome.InstanceId}."));
                break;
            }
            case DqcWaitOutcomeKind.NotFound:
            {
                string message = $"Instance {outcome.InstanceId} was not found in the instance list, so there is nothing to wait for.";
                cmdlet.WriteError(
                    ErrorRecords.Create(new ItemNotFoundException(message), "DqcInstanceNotFound",
                        ErrorCategory.ObjectNotFound, outcome.InstanceId));
                break;
            }
        }
    }

    /// <summary>The options from -TimeoutSec and -PollIntervalSec.</summary>
    public static DqcWaitOptions Options(int timeoutSec, int pollIntervalSec) => new DqcWaitOptions
    {
        Timeout = TimeSpan.FromSeconds(timeoutSec),
        PollInterval = TimeSpan.FromSeconds(pollIntervalSec),
    };

    /// <summary>A DqcInstance from the pipeline (Restart-DqcJob output) as a wait target.</summary>
    public static DqcWaitTarget Target(DqcInstance instance) =>
        new DqcWaitTarget(instance.InstanceId, instance.StartTime ?? instance.SubmittedAt, instance);
}

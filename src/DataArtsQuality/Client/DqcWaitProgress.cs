namespace DataArtsQuality.Client;

/// <summary>What one poll found: for a progress display and for writing outcomes as they happen.</summary>
/// <param name="Elapsed">Time since the wait began.</param>
/// <param name="Total">Instances waited for.</param>
/// <param name="Polls">Polls made so far.</param>
/// <param name="IsDone">Whether every instance has an outcome.</param>
/// <param name="Finished">Instances no longer waited for (finished, timed out or not found).</param>
/// <param name="CountsByStatus">Instances per last-seen run status; "NOT_SEEN" for those not listed yet.</param>
/// <param name="Requests">List requests sent so far, all polls together.</param>
/// <param name="NewOutcomes">Outcomes decided by this poll, in the order the targets were given.</param>
internal sealed record DqcWaitProgress(TimeSpan Elapsed, int Total, int Finished,
    IReadOnlyDictionary<string, int> CountsByStatus,
    int Polls, int Requests, IReadOnlyList<DqcWaitOutcome> NewOutcomes, bool IsDone);

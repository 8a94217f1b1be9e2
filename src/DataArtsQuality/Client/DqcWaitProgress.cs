namespace DataArtsQuality.Client
{
    /// <summary>What one poll found: for a progress display and for writing outcomes as they happen.</summary>
    internal sealed class DqcWaitProgress
    {
        internal DqcWaitProgress(TimeSpan elapsed, int total, int finished, IReadOnlyDictionary<string, int> counts,
            int polls, int requests, IReadOnlyList<DqcWaitOutcome> newOutcomes, bool done)
        {
            Elapsed = elapsed;
            Total = total;
            Finished = finished;
            CountsByStatus = counts;
            Polls = polls;
            Requests = requests;
            NewOutcomes = newOutcomes;
            IsDone = done;
        }

        public TimeSpan Elapsed { get; }
        public int Total { get; }
        /// <summary>Instances no longer waited for (finished, timed out or not found).</summary>
        public int Finished { get; }
        /// <summary>Instances per last-seen run status; "NOT_SEEN" for those not listed yet.</summary>
        public IReadOnlyDictionary<string, int> CountsByStatus { get; }
        public int Polls { get; }
        /// <summary>List requests sent so far, all polls together.</summary>
        public int Requests { get; }
        /// <summary>Outcomes decided by this poll, in the order the targets were given.</summary>
        public IReadOnlyList<DqcWaitOutcome> NewOutcomes { get; }
        public bool IsDone { get; }
    }
}

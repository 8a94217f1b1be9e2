namespace DataArtsQuality.Client.Reruns
{
    /// <summary>What one walk of the instance list found: the runs that may be reruns', and what the walk covered.</summary>
    internal sealed class DqcRunWalk
    {
        public DqcRunWalk(IReadOnlyList<DqcInstance> runs, DateTimeOffset after, int requests)
        {
            Runs = runs;
            After = after;
            Requests = requests;
        }

        /// <summary>The instances of the jobs looked for that no record named when the walk was made.</summary>
        public IReadOnlyList<DqcInstance> Runs { get; }

        /// <summary>The start of the window walked (runs that started at or after it).</summary>
        public DateTimeOffset After { get; }

        /// <summary>The listing requests the walk made.</summary>
        public int Requests { get; }
    }
}

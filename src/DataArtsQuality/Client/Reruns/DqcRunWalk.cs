namespace DataArtsQuality.Client.Reruns;

/// <summary>What one walk of the instance list found: the runs that may be reruns', and what the walk
/// covered.</summary>
internal sealed class DqcRunWalk
{
    public DqcRunWalk(IReadOnlyList<DqcInstance> runs, DateTimeOffset after, int requests)
    {
        Runs = runs;
        After = after;
        Requests = requests;
    }

    /// <summary>Walks <paramref name="pager"/> (instances that started at or after <paramref name="after"/>) to its
    /// end.</summary>
    public static async Task<DqcRunWalk> ListAsync(DqcPager<DqcInstance> pager, DateTimeOffset after,
        CancellationToken cancellationToken)
    {
        var runs = new List<DqcInstance>();
        while (!pager.IsDone)
        {
            var page = await pager.NextPageAsync(cancellationToken).ConfigureAwait(false);
            if (page is null) break;
            runs.AddRange(page);
        }
        return new DqcRunWalk(runs, after, pager.Requests);
    }

    /// <summary>The instances of the jobs looked for that no record named when the walk was made.</summary>
    public IReadOnlyList<DqcInstance> Runs { get; }

    /// <summary>The start of the window walked (runs that started at or after it).</summary>
    public DateTimeOffset After { get; }

    /// <summary>The listing requests the walk made.</summary>
    public int Requests { get; }
}

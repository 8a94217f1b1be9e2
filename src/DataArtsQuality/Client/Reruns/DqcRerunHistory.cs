namespace DataArtsQuality.Client.Reruns;

/// <summary>
/// The reruns sent in this process (Get-DqcRerun), newest last, bounded: past <see cref="Capacity"/> the oldest
/// record is dropped, so a session that re-runs 100,000 jobs keeps the last <see cref="Capacity"/> of them.
/// Thread-safe: every runspace of the process (ForEach-Object -Parallel, thread jobs) adds to the same history.
/// </summary>
internal sealed class DqcRerunHistory
{
    public const int DefaultCapacity = 10000;
    private readonly Queue<DqcRerun> _records = new Queue<DqcRerun>();
    private readonly object _gate = new object();

    public DqcRerunHistory(int capacity = DefaultCapacity)
    {
        if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity));
        Capacity = capacity;
    }

    public int Capacity { get; }

    /// <summary>How many records were dropped to keep within the capacity.</summary>
    public long Dropped { get; private set; }

    public void Add(DqcRerun record)
    {
        lock (_gate)
        {
            _records.Enqueue(record);
            while (_records.Count > Capacity)
            {
                _records.Dequeue();
                Dropped++;
            }
        }
    }

    /// <summary>The records kept, oldest first.</summary>
    public IReadOnlyList<DqcRerun> Snapshot()
    {
        lock (_gate) return _records.ToArray();
    }

    /// <summary>Forgets every record (Remove-Module).</summary>
    public void Clear()
    {
        lock (_gate) _records.Clear();
    }
}

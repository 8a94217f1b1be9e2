namespace DataArtsQuality.Emulator.State;

/// <summary>
/// TEST INSTRUMENT, not part of DQC: how many API requests the emulator is handling at once, and the most since the
/// last reset (GET/DELETE /_emulator/concurrency). It lets a test see a client's real parallelism on the wire, e.g.
/// that 64 reruns are in flight together rather than queued behind a connection limit of 2.
/// </summary>
public sealed class ConcurrencyGauge
{
    private int _current;
    private int _max;

    public int Current => Volatile.Read(ref _current);

    public int Max => Volatile.Read(ref _max);

    public void Enter()
    {
        int now = Interlocked.Increment(ref _current);
        int seen;
        while (now > (seen = Volatile.Read(ref _max)) && Interlocked.CompareExchange(ref _max, now, seen) != seen) { }
    }

    public void Exit() => Interlocked.Decrement(ref _current);

    /// <summary>Starts a new measurement: the most is what is in flight now.</summary>
    public void Reset() => Volatile.Write(ref _max, Current);
}

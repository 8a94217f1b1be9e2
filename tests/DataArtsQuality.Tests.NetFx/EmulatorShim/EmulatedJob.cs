namespace DataArtsQuality.Emulator.State;

/// <summary>SHIM for the Mono lane: a stored job's ID and kind.</summary>
public sealed class EmulatedJob(long id, JobKind kind)
{
    public long Id { get; } = id;
    public JobKind Kind { get; } = kind;
}

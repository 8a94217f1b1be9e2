namespace DataArtsQuality.Emulator.State;

/// <summary>SHIM for the Mono lane: the emulator's job kinds.</summary>
public enum JobKind
{
    Quality,
    Comparison,
}

namespace DataArtsQuality.Emulator.State;

/// <summary>SHIM for the Mono lane: the shape of a live instance, so the shared source compiles; never handed out (see
/// Tenant.Instances).</summary>
public sealed class EmulatedInstance
{
    public string RunStatus { get; set; } = "";
    public string Outcome { get; set; } = "";
}

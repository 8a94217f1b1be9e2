using DataArtsQuality.Tests;

namespace DataArtsQuality.Emulator.State;

/// <summary>SHIM for the Mono lane: the emulator's request log, read from GET /_emulator/requests.</summary>
public sealed class EmulatorState
{
    /// <summary>The emulator's second seeded workspace (EmulatorState.SecondWorkspaceId there).</summary>
    public const string SecondWorkspaceId = "7a1c9e2b5d3f4a6b8c0d1e2f3a4b5c6d";

    private readonly EmulatorProcess _process;

    internal EmulatorState(EmulatorProcess process)
    {
        _process = process;
        Requests = new RequestLog(process);
    }

    public RequestLog Requests { get; }

    /// <summary>Only a stand-in: the emulator's own lock cannot be taken from another process (see
    /// <see cref="Tenant.Instances"/>).</summary>
    public object Lock { get; } = new();

    public Tenant? FindTenant(string workspaceId) => new(_process, workspaceId);
}

using DataArtsQuality.Tests;

namespace DataArtsQuality.Emulator.State;

/// <summary>SHIM for the Mono lane: a workspace's jobs (GET /_emulator/rest/jobs); its instances cannot be changed from
/// here.</summary>
public sealed class Tenant
{
    private readonly EmulatorProcess _process;
    private readonly string _workspaceId;

    internal Tenant(EmulatorProcess process, string workspaceId)
    {
        _process = process;
        _workspaceId = workspaceId;
    }

    public List<EmulatedJob> Jobs =>
        Task.Run(() => _process.GetAsync("/_emulator/rest/jobs?workspace=" + _workspaceId)).GetAwaiter().GetResult()
            .EnumerateArray().Select(j => new EmulatedJob(long.Parse(j.GetProperty("id").GetString()!),
                j.GetProperty("task_type").GetString() == "QUALITY_TASK"
                    ? JobKind.Quality : JobKind.Comparison)).ToList();

    /// <summary>The in-process emulator's live instances, which a test can change; a child process offers no such
    /// thing.</summary>
    public List<EmulatedInstance> Instances =>
        throw new NotSupportedException(
            "The emulator runs in another process here: its instances cannot be changed in place.");
}

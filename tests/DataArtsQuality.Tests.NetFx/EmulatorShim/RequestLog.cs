using DataArtsQuality.Tests;

namespace DataArtsQuality.Emulator.State;

/// <summary>SHIM for the Mono lane: the API requests the emulator logged (control calls excluded), oldest
/// first.</summary>
public sealed class RequestLog
{
    private readonly EmulatorProcess _process;

    internal RequestLog(EmulatorProcess process) => _process = process;

    public List<LoggedRequest> Since(long sequence)
    {
        // Blocking is safe here: the control client's continuations need no test thread.
        var list = Task.Run(() => _process.GetAsync("/_emulator/requests?since=" + sequence)).GetAwaiter().GetResult();
        return list.EnumerateArray().Select(LoggedRequest.FromJson).ToList();
    }

    public void Clear() => Task.Run(() => _process.SendAsync(System.Net.Http.HttpMethod.Delete, "/_emulator/requests"))
        .GetAwaiter().GetResult();
}

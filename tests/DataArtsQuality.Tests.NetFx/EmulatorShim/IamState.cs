using System.Net.Http;
using DataArtsQuality.Tests;

namespace DataArtsQuality.Emulator.State;

/// <summary>SHIM for the Mono lane: the emulator IAM's token count (GET /_emulator/auth) and expire-all (POST
/// /_emulator/iam/expire-tokens).</summary>
public sealed class IamState
{
    private readonly EmulatorProcess _process;

    internal IamState(EmulatorProcess process) => _process = process;

    public int TokensIssued => Task.Run(() => _process.GetAsync("/_emulator/auth")).GetAwaiter().GetResult()
        .GetProperty("tokens_issued").GetInt32();

    public void ExpireAll()
        => Task.Run(() => _process.SendAsync(HttpMethod.Post, "/_emulator/iam/expire-tokens")).GetAwaiter().GetResult();
}

using System.Diagnostics;
using System.Net.Http;
using DataArtsQuality.Client;
using DataArtsQuality.Client.Auth;
using DataArtsQuality.Models;
using Xunit;
using Xunit.Abstractions;

namespace DataArtsQuality.Tests;

/// <summary>
/// 64 reruns at once (Restart-DqcJob -ThrottleLimit's upper bound) through the real core client and Mono's own
/// HttpWebRequest-based handler, against the emulator running on .NET: the emulator counts the requests it has in
/// flight, so a connection limit left at the runtime's default would show as a lower most-at-once.
/// </summary>
public class ParallelRerunOnMonoTests(ITestOutputHelper output) : IDisposable
{
    private const string QualityJob = "1440764172232392705";
    private readonly EmulatorProcess _emulator = EmulatorProcess.Start("--quality-jobs", "5");

    public void Dispose() => _emulator.Dispose();

    [Fact]
    public async Task Sixty_four_reruns_over_one_endpoint_are_in_flight_together()
    {
        // Each rerun is held 2 s by the emulator, so requests that were queued on the client would not overlap.
        await _emulator.SendAsync(HttpMethod.Post, "/_emulator/faults",
            "{\"kind\":\"slow\",\"delay_ms\":2000,\"path\":\"instances/restart\",\"times\":64}");
        await _emulator.SendAsync(HttpMethod.Delete, "/_emulator/concurrency");
        using var connection = new DqcConnection(new DqcConnectionOptions
        {
            Endpoint = _emulator.Url, ProjectId = _emulator.ProjectId, WorkspaceId = _emulator.WorkspaceId,
            // The client-side limit (the gateway's 40 per 10 s) held the last 24 back (measured: 40 at once): off,
            // so that the transport is what is measured.
            Settings = new DqcSettings { RateLimitCount = 0 },
        }, new TokenAuthenticator(SecretText.Protect(_emulator.Token)));
        var client = new DqcClient(connection);

        var watch = Stopwatch.StartNew();
        string[] ids = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() =>
            client.RestartJobAsync(DqcRuleType.Quality, QualityJob, CancellationToken.None))));
        watch.Stop();

        var gauge = await _emulator.GetAsync("/_emulator/concurrency");
        int most = gauge.GetProperty("max").GetInt32();
        output.WriteLine($"64 reruns in {watch.Elapsed.TotalSeconds:0.00} s; the emulator had at most {most} in flight at once");
        Assert.Equal(64, ids.Distinct().Count());
        Assert.Equal(64, most);
        // Together, not in waves: 64 held 2 s each in one wave take about 2 s, in waves of 2 they would take 64 s.
        Assert.InRange(watch.Elapsed.TotalSeconds, 2, 15);
        // Mono's service points default to Expect: 100-continue (as .NET Framework's): none of the POSTs asked for it.
        var logged = (await _emulator.GetAsync("/_emulator/requests")).EnumerateArray().Where(r => r.GetProperty("path").GetString()!.EndsWith("/instances/restart")).ToList();
        Assert.Equal(64, logged.Count);
        Assert.All(logged, r => Assert.False(r.GetProperty("headers").TryGetProperty("expect", out _)));
    }
}

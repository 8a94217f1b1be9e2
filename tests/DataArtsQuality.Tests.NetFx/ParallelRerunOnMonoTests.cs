using System.Diagnostics;
using System.Net.Http;
using DataArtsQuality.Client;
using DataArtsQuality.Client.Auth;
using DataArtsQuality.Models;
using Xunit;
using Xunit.Abstractions;

namespace DataArtsQuality.Tests;

/// <summary>
/// 64 reruns at once (Restart-DqcJob -ThrottleLimit's upper bound) through the real core client against the emulator
/// running on .NET, which counts the requests it has in flight. Over Mono's default HttpClientHandler (a
/// SocketsHttpHandler port: no per-host limit, ServicePointManager ignored) and over its HttpWebRequest stack, where
/// the service point's connection limit decides: 64 with FrameworkTransport applied, 2 (the default) without.
/// </summary>
[Collection(AloneCollection.Name)]
public class ParallelRerunOnMonoTests(ITestOutputHelper output) : IDisposable
{
    private const string QualityJob = "1440764172232392705";
    private const string Hold = "{\"kind\":\"slow\",\"delay_ms\":%MS%,\"path\":\"instances/restart\",\"times\":%N%}";
    private readonly EmulatorProcess _emulator = EmulatorProcess.Start("--quality-jobs", "5");

    public void Dispose() => _emulator.Dispose();

    [Fact]
    public async Task Sixty_four_reruns_over_the_default_handler_are_in_flight_together()
    {
        // Each rerun is held 2 s by the emulator, so requests that were queued on the client would not overlap.
        await HoldReruns(64, 2000);
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
        output.WriteLine(
            $"64 reruns in {watch.Elapsed.TotalSeconds:0.00} s; the emulator had at most {most} in flight at once");
        Assert.Equal(64, ids.Distinct().Count());
        Assert.Equal(64, most);
        // Together, not in waves: 64 held 2 s each in one wave take about 2 s, in waves of 2 they would take 64 s.
        Assert.InRange(watch.Elapsed.TotalSeconds, 2, 15);
        // Mono's service points default to Expect: 100-continue (as .NET Framework's): none of the POSTs asked for it.
        var logged = (await _emulator.GetAsync("/_emulator/requests")).EnumerateArray()
            .Where(r => r.GetProperty("path").GetString()!.EndsWith("/instances/restart")).ToList();
        Assert.Equal(64, logged.Count);
        Assert.All(logged, r => Assert.False(r.GetProperty("headers").TryGetProperty("expect", out _)));
    }

    [Fact]
    public async Task Over_the_HttpWebRequest_stack_the_service_point_FrameworkTransport_set_lets_64_through()
    {
        await HoldReruns(64, 2000);
        var watch = Stopwatch.StartNew();
        int most = WebRequestRerunProbe.MostAtOnceInFreshDomain(_emulator.Url, _emulator.ProjectId,
            _emulator.WorkspaceId, _emulator.Token, 64, applyFrameworkTransport: true);
        output.WriteLine($"HttpWebRequest stack, FrameworkTransport applied: 64 reruns in " +
            $"{watch.Elapsed.TotalSeconds:0.00} s, at most {most} in flight at once");
        Assert.Equal(64, most);
    }

    [Fact]
    public async Task Over_the_HttpWebRequest_stack_without_FrameworkTransport_two_go_at_a_time()
    {
        // The control for the case above: the same stack at Mono's default limit (8 reruns, so it stays short).
        await HoldReruns(8, 500);
        var watch = Stopwatch.StartNew();
        int most = WebRequestRerunProbe.MostAtOnceInFreshDomain(_emulator.Url, _emulator.ProjectId,
            _emulator.WorkspaceId, _emulator.Token, 8, applyFrameworkTransport: false);
        output.WriteLine($"HttpWebRequest stack, nothing applied: 8 reruns in {watch.Elapsed.TotalSeconds:0.00} s, " +
            $"at most {most} in flight at once");
        Assert.Equal(2, most);
    }

    /// <summary>The next <paramref name="count"/> reruns are each held <paramref name="ms"/> by the emulator; a new
    /// measurement starts.</summary>
    private async Task HoldReruns(int count, int ms)
    {
        await _emulator.SendAsync(HttpMethod.Delete, "/_emulator/faults");
        await _emulator.SendAsync(HttpMethod.Post, "/_emulator/faults",
            Hold.Replace("%MS%", ms.ToString()).Replace("%N%", count.ToString()));
        await _emulator.SendAsync(HttpMethod.Delete, "/_emulator/concurrency");
    }
}

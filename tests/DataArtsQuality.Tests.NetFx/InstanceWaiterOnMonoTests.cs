using DataArtsQuality.Client;
using DataArtsQuality.Client.Auth;
using DataArtsQuality.Models;
using Xunit;

namespace DataArtsQuality.Tests;

/// <summary>
/// The waiter with its real pause, against the emulator's own clock (runs finish 1.5 s after they start): what the
/// shared InstanceWaiterTests case that finishes runs in-process cannot do with the emulator in another process.
/// </summary>
public class InstanceWaiterOnMonoTests : IDisposable
{
    private static readonly string[] FixedQualityJobs = { "1440764172232392705", "1283480044387540993",
        "1279033542491521025" };
    private readonly EmulatorProcess _emulator = EmulatorProcess.Start("--quality-jobs", "5", "--instance-run-ms",
        "1500");

    public void Dispose() => _emulator.Dispose();

    [Fact]
    public async Task Runs_that_finish_on_the_emulators_clock_are_waited_for_with_one_listing_per_poll()
    {
        var client = new DqcClient(new DqcConnection(
            new DqcConnectionOptions { Endpoint = _emulator.Url, ProjectId = _emulator.ProjectId,
                WorkspaceId = _emulator.WorkspaceId },
            new TokenAuthenticator(SecretText.Protect(_emulator.Token))));
        var targets = new List<DqcWaitTarget>();
        for (int i = 0; i < 9; i++)
            targets.Add(new DqcWaitTarget(
                await client.RestartJobAsync(DqcRuleType.Quality, FixedQualityJobs[i % 3], CancellationToken.None),
                DateTimeOffset.Now.AddMinutes(-1)));
        await _emulator.SendAsync(System.Net.Http.HttpMethod.Delete, "/_emulator/requests");

        int polls = 0;
        var outcomes = await new InstanceWaiter(client).WaitAsync(targets,
            new DqcWaitOptions { PollInterval = TimeSpan.FromMilliseconds(500), Timeout = TimeSpan.FromSeconds(30) },
            _ => polls++, CancellationToken.None);

        Assert.Equal(targets.Select(t => t.InstanceId), outcomes.Select(o => o.InstanceId));
        Assert.All(outcomes, o => Assert.Equal(DqcWaitOutcomeKind.Finished, o.Kind));
        Assert.InRange(polls, 2, 20);
        Assert.Equal(polls, (await _emulator.GetAsync("/_emulator/requests")).GetArrayLength());
    }
}

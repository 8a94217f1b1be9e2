using DataArtsQuality.Client;
using DataArtsQuality.Client.Auth;
using DataArtsQuality.Emulator;
using DataArtsQuality.Emulator.State;
using DataArtsQuality.Models;
using Microsoft.AspNetCore.Builder;
using Xunit;

namespace DataArtsQuality.Tests;

/// <summary>The waiter against the emulator over loopback HTTP, with the pause between polls replaced (no timed
/// test).</summary>
public class InstanceWaiterTests : IAsyncLifetime
{
    private WebApplication? _app;
    private Uri? _url;
    private EmulatorState? _state;

    public async Task InitializeAsync()
    {
        (_app, _url) = await EmulatorApp.StartAsync(
            new EmulatorOptions { QualityJobs = 30, ComparisonJobs = 5, InstanceRunMilliseconds = 3_600_000 });
        _state = (EmulatorState)_app.Services.GetService(typeof(EmulatorState))!;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    private DqcClient Client() => new(new DqcConnection(
        new DqcConnectionOptions { Endpoint = _url, ProjectId = EmulatorDefaults.ProjectId,
            WorkspaceId = EmulatorDefaults.WorkspaceId },
        new TokenAuthenticator(SecretText.Protect(EmulatorDefaults.Token))));

    [Fact]
    [NetFxExcluded("Finishes runs by changing the emulator's instances in-process; the emulator is .NET-only and runs in another process there")]
    public async Task Many_instances_cost_one_listing_per_poll()
    {
        var client = Client();
        var tenant = _state!.FindTenant(EmulatorDefaults.WorkspaceId)!;
        var targets = new List<DqcWaitTarget>();
        foreach (var job in tenant.Jobs.Where(j => j.Kind == JobKind.Quality).Take(20))
            targets.Add(new DqcWaitTarget(
                await client.RestartJobAsync(DqcRuleType.Quality, job.Id.ToString(), CancellationToken.None),
                DateTimeOffset.Now.AddMinutes(-1)));
        _state.Requests.Clear();

        int polls = 0;
        // Each pause finishes some of the runs, as time passing would: five polls until all 20 are done.
        var waiter = new InstanceWaiter(client, (_, _) =>
        {
            lock (_state.Lock)
            {
                foreach (var i in tenant.Instances.Where(i => i.RunStatus == "RUNNING").Take(5))
                    i.RunStatus = i.Outcome;
            }
            return Task.CompletedTask;
        });
        var outcomes = await waiter.WaitAsync(targets, new DqcWaitOptions { PollInterval = TimeSpan.FromSeconds(1) },
            _ => polls++, CancellationToken.None);

        Assert.Equal(20, outcomes.Count);
        Assert.All(outcomes, o => Assert.Equal(DqcWaitOutcomeKind.Finished, o.Kind));
        Assert.Equal(targets.Select(t => t.InstanceId), outcomes.Select(o => o.InstanceId));
        Assert.Equal(5, polls);
        Assert.Equal(polls, _state.Requests.Since(0).Count);
    }

    [Fact]
    public async Task A_timeout_reports_each_instance_with_its_last_status()
    {
        var client = Client();
        string id = await client.RestartJobAsync(DqcRuleType.Quality, "1440764172232392705", CancellationToken.None);
        var outcomes = await new InstanceWaiter(client, (_, _) => Task.CompletedTask)
            .WaitAsync(new[] { new DqcWaitTarget(id) }, new DqcWaitOptions { Timeout = TimeSpan.Zero }, null,
                CancellationToken.None);
        var outcome = Assert.Single(outcomes);
        Assert.Equal(DqcWaitOutcomeKind.TimedOut, outcome.Kind);
        Assert.Equal("RUNNING", outcome.LastStatus);
    }
}

using DataArtsQuality.Client;
using DataArtsQuality.Client.Auth;
using DataArtsQuality.Emulator;
using DataArtsQuality.Models;
using Microsoft.AspNetCore.Builder;
using Xunit;

namespace DataArtsQuality.Tests;

/// <summary>The core against the emulator over real loopback HTTP.</summary>
public class EmulatorRoundTripTests : IAsyncLifetime
{
    private WebApplication? _app;
    private Uri? _url;

    public async Task InitializeAsync()
        => (_app, _url) = await EmulatorApp.StartAsync(new EmulatorOptions { QualityJobs = 5, ComparisonJobs = 3 });

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    private DqcClient Client(string token = EmulatorDefaults.Token) => new(new DqcConnection(
        new DqcConnectionOptions { Endpoint = _url, ProjectId = EmulatorDefaults.ProjectId,
            WorkspaceId = EmulatorDefaults.WorkspaceId },
        new TokenAuthenticator(SecretText.Protect(token))));

    [Fact]
    public async Task Restart_creates_an_instance_of_the_exact_job()
    {
        string instanceId = await Client()
            .RestartJobAsync(DqcRuleType.Quality, "1440764172232392705", CancellationToken.None);
        Assert.Matches("^[0-9]{19}$", instanceId);

        var state = _app!.Services.GetService(typeof(DataArtsQuality.Emulator.State.EmulatorState))
            as DataArtsQuality.Emulator.State.EmulatorState;
        var tenant = state!.FindTenant(EmulatorDefaults.WorkspaceId)!;
        var instance = tenant.InstancesById[long.Parse(instanceId)];
        Assert.Equal(1440764172232392705L, instance.TaskId);
    }

    [Fact]
    public async Task A_wrong_token_gets_the_gateway_401()
    {
        var ex = await Assert.ThrowsAsync<DqcApiException>(
            () => Client("nope").RestartJobAsync(DqcRuleType.Quality, "1440764172232392705", CancellationToken.None));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Equal("APIG.0301", ex.ErrorCode);
        Assert.NotNull(ex.RequestId);
    }

    [Fact]
    public async Task A_comparison_restart_of_a_quality_job_is_a_400()
    {
        var ex = await Assert.ThrowsAsync<DqcApiException>(
            () => Client().RestartJobAsync(DqcRuleType.Comparison, "1440764172232392705", CancellationToken.None));
        Assert.Equal("DQC.4004", ex.ErrorCode);
    }
}

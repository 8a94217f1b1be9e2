using DataArtsQuality.Client;
using DataArtsQuality.Client.Auth;
using DataArtsQuality.Emulator;
using DataArtsQuality.Emulator.State;
using DataArtsQuality.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DataArtsQuality.Tests;

/// <summary>The completion cache never logs in: a password connection whose token is due gets no listing at all.</summary>
public class CompletionCacheAuthTests : IAsyncLifetime
{
    private WebApplication? _app;
    private Uri _url = null!;

    public async Task InitializeAsync()
        => (_app, _url) = await EmulatorApp.StartAsync(
            new EmulatorOptions { QualityJobs = 5, ComparisonJobs = 3, TokenLifetimeSeconds = 3600 });

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_password_connection_due_for_renewal_is_not_listed_and_not_logged_in()
    {
        var offset = TimeSpan.Zero;
        var request = new DqcConnectRequest
        {
            Endpoint = _url,
            IamEndpoint = _url,
            Region = EmulatorDefaults.Region,
            WorkspaceId = EmulatorDefaults.WorkspaceId,
            UserName = EmulatorDefaults.UserName,
            Password = SecretText.Protect(EmulatorDefaults.Password),
            DomainName = EmulatorDefaults.DomainName,
        };
        using var connection = await DqcConnector.ConnectAsync(request, NullDqcLog.Instance, CancellationToken.None,
            _ => null,
            clock: () => DateTimeOffset.UtcNow + offset);
        var state = _app!.Services.GetRequiredService<EmulatorState>();
        var iam = _app.Services.GetRequiredService<IamState>();
        Assert.Equal(1, iam.TokensIssued);

        // A fresh token: the cache lists.
        Assert.True(DqcCompletionCache.CanAuthenticateQuietly(connection));
        Assert.Equal(5, new DqcCompletionCache(connection).TryGet(DqcRuleType.Quality, TimeSpan.FromSeconds(5))!.Count);

        // Inside the renewal margin: no request, no login.
        offset = TimeSpan.FromMinutes(55);
        long before = state.Requests.Since(0).Count;
        Assert.False(DqcCompletionCache.CanAuthenticateQuietly(connection));
        Assert.Null(new DqcCompletionCache(connection).TryGet(DqcRuleType.Quality, TimeSpan.FromSeconds(5)));
        Assert.Equal(before, state.Requests.Since(0).Count);
        Assert.Equal(1, iam.TokensIssued);
    }
}

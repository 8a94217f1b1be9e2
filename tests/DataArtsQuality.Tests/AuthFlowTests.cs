using System.Net;
using System.Net.Http;
using DataArtsQuality.Client;
using DataArtsQuality.Client.Auth;
using DataArtsQuality.Client.Iam;
using DataArtsQuality.Emulator;
using DataArtsQuality.Emulator.State;
using DataArtsQuality.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DataArtsQuality.Tests;

/// <summary>Each way of connecting, end to end through DqcConnector against the emulator over loopback HTTP.</summary>
public class AuthFlowTests : IAsyncLifetime
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

    private EmulatorState State => _app!.Services.GetRequiredService<EmulatorState>();
    private IamState Iam => _app!.Services.GetRequiredService<IamState>();

    private DqcConnectRequest Request() => new()
    {
        Endpoint = _url,
        IamEndpoint = _url,
        Region = EmulatorDefaults.Region,
        WorkspaceId = EmulatorDefaults.WorkspaceId,
    };

    private static readonly Func<string, string?> NoEnvironment = _ => null;

    private Task<DqcConnection> Connect(DqcConnectRequest request, Func<DateTimeOffset>? clock = null,
        Func<string, string?>? env = null)
        => DqcConnector.ConnectAsync(request, NullDqcLog.Instance, CancellationToken.None, env ?? NoEnvironment,
            clock: clock);

    private static Task<string> Restart(DqcConnection c)
        => new DqcClient(c).RestartJobAsync(DqcRuleType.Quality, "1440764172232392705", CancellationToken.None);

    [Fact]
    public async Task Password_login_finds_the_project_from_the_region_and_reruns_a_job()
    {
        var r = Request();
        r.UserName = EmulatorDefaults.UserName;
        r.Password = SecretText.Protect(EmulatorDefaults.Password);
        r.DomainName = EmulatorDefaults.DomainName;
        using var connection = await Connect(r);

        Assert.Equal(EmulatorDefaults.ProjectId, connection.ProjectId);
        Assert.Equal(DqcAuthenticationKind.Password, connection.Authenticator.Kind);
        Assert.NotNull(connection.Authenticator.ExpiresAt);
        Assert.Matches("^[0-9]{19}$", await Restart(connection));
        var login = State.Requests.Since(0).Single(q => q.Path == "/v3/auth/tokens");
        Assert.Equal("?nocatalog=true", login.Query);
        Assert.Contains("\"scope\":{\"project\":{\"name\":\"ap-southeast-1\"}}", login.Body);
    }

    [Fact]
    public async Task A_token_is_renewed_before_it_expires_without_any_401()
    {
        var offset = TimeSpan.Zero;
        var r = Request();
        r.UserName = EmulatorDefaults.UserName;
        r.Password = SecretText.Protect(EmulatorDefaults.Password);
        r.DomainName = EmulatorDefaults.DomainName;
        using var connection = await Connect(r, clock: () => DateTimeOffset.UtcNow + offset);
        await Restart(connection);
        Assert.Equal(1, Iam.TokensIssued);

        offset = TimeSpan.FromMinutes(49); // 11 minutes left of a 60-minute token: inside the 20 % margin
        await Restart(connection);
        Assert.Equal(2, Iam.TokensIssued);
        Assert.DoesNotContain(State.Requests.Since(0), q => q.Status == 401);
    }

    [Fact]
    public async Task A_401_saying_the_token_expired_renews_it_once_and_sends_again()
    {
        var r = Request();
        r.UserName = EmulatorDefaults.UserName;
        r.Password = SecretText.Protect(EmulatorDefaults.Password);
        r.DomainName = EmulatorDefaults.DomainName;
        using var connection = await Connect(r);
        Iam.ExpireAll();

        Assert.Matches("^[0-9]{19}$", await Restart(connection));

        var log = State.Requests.Since(0).Select(q => (q.Path, q.Status)).ToList();
        var restarts = log.Where(q => q.Path.EndsWith("/restart", StringComparison.Ordinal)).Select(q => q.Status)
            .ToList();
        Assert.Equal(new[] { 401, 200 }, restarts);
        Assert.Equal(2, Iam.TokensIssued);
    }

    [Fact]
    public async Task A_wrong_password_is_iams_401_and_does_not_quote_the_password()
    {
        var r = Request();
        r.UserName = EmulatorDefaults.UserName;
        r.Password = SecretText.Protect("Wrong-Secret-Pa55");
        r.DomainName = EmulatorDefaults.DomainName;
        var ex = await Assert.ThrowsAsync<DqcApiException>(() => Connect(r));
        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Contains("The username or password is wrong.", ex.Message);
        Assert.DoesNotContain("Wrong-Secret-Pa55", ex.ToString());
    }

    [Fact]
    public async Task AkSk_signs_every_call_and_looks_the_project_up_in_iam()
    {
        var r = Request();
        r.AccessKey = EmulatorDefaults.AccessKey;
        r.SecretKey = SecretText.Protect(EmulatorDefaults.SecretKey);
        using var connection = await Connect(r);
        Assert.Equal(EmulatorDefaults.ProjectId, connection.ProjectId);
        Assert.Equal(DqcAuthenticationKind.AkSk, connection.Authenticator.Kind);
        await Restart(connection);

        var requests = State.Requests.Since(0);
        var projects = requests.Single(q => q.Path == "/v3/projects");
        Assert.Equal("?name=ap-southeast-1", projects.Query);
        Assert.False(projects.Headers.ContainsKey("X-Project-Id"));
        var restart = requests.Single(q => q.Path.EndsWith("/restart", StringComparison.Ordinal));
        Assert.Equal(200, restart.Status);
        Assert.Contains("SignedHeaders=host;workspace;x-project-id;x-sdk-date,", restart.Headers["Authorization"]);
        Assert.Matches("^[0-9]{8}T[0-9]{6}Z$", restart.Headers["X-Sdk-Date"]);
    }

    [Fact]
    public async Task Temporary_credentials_need_the_security_token()
    {
        var r = Request();
        r.ProjectId = EmulatorDefaults.ProjectId;
        r.AccessKey = EmulatorDefaults.TemporaryAccessKey;
        r.SecretKey = SecretText.Protect(EmulatorDefaults.TemporarySecretKey);
        r.SecurityToken = SecretText.Protect(EmulatorDefaults.SecurityToken);
        using (var connection = await Connect(r))
        {
            Assert.Equal(DqcAuthenticationKind.TemporaryAkSk, connection.Authenticator.Kind);
            await Restart(connection);
        }

        r.SecretKey = SecretText.Protect(EmulatorDefaults.TemporarySecretKey);
        r.SecurityToken = null;
        using var without = await Connect(r);
        var ex = await Assert.ThrowsAsync<DqcApiException>(() => Restart(without));
        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Contains("security token", ex.Message);
    }

    [Fact]
    public async Task A_wrong_secret_key_fails_the_signature_check()
    {
        var r = Request();
        r.ProjectId = EmulatorDefaults.ProjectId;
        r.AccessKey = EmulatorDefaults.AccessKey;
        r.SecretKey = SecretText.Protect("not-the-secret-key");
        using var connection = await Connect(r);
        var ex = await Assert.ThrowsAsync<DqcApiException>(() => Restart(connection));
        Assert.Equal("APIG.0301", ex.ErrorCode);
        Assert.Contains("verify aksk signature fail", ex.Message);
    }

    [Fact]
    public async Task The_environment_supplies_ak_sk_project_iam_and_the_regional_endpoint()
    {
        var env = new Dictionary<string, string>
        {
            ["HUAWEICLOUD_SDK_AK"] = EmulatorDefaults.AccessKey,
            ["HUAWEICLOUD_SDK_SK"] = EmulatorDefaults.SecretKey,
            ["HUAWEICLOUD_SDK_IAM_ENDPOINT"] = _url.AbsoluteUri,
            ["HUAWEICLOUD_SDK_REGION_DATAARTSSTUDIO_AP_SOUTHEAST_1"] = _url.AbsoluteUri + ",https://unused.example",
        };
        var r = new DqcConnectRequest { Region = EmulatorDefaults.Region, WorkspaceId = EmulatorDefaults.WorkspaceId };
        using var connection = await Connect(r, env: n => env.TryGetValue(n, out var v) ? v : null);
        Assert.Equal(DqcAuthenticationKind.Environment, connection.Authenticator.Kind);
        Assert.Equal(_url, connection.Endpoint);
        Assert.Equal(EmulatorDefaults.ProjectId, connection.ProjectId);
        await Restart(connection);
    }

    [Fact]
    public async Task Without_any_credential_the_error_lists_what_was_looked_for()
    {
        var ex = await Assert.ThrowsAsync<DqcCredentialNotFoundException>(() => Connect(Request()));
        foreach (string name in new[]
            {
                "-Token", "-Credential", "-AccessKey", "HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_SK",
                "HUAWEICLOUD_SDK_SECURITY_TOKEN", "HUAWEICLOUD_SDK_PROJECT_ID", "HUAWEICLOUD_SDK_IAM_ENDPOINT"
            })
            Assert.Contains(name, ex.Message);

        var half = await Assert.ThrowsAsync<DqcCredentialNotFoundException>(
            () => Connect(Request(), env: n => n == "HUAWEICLOUD_SDK_AK" ? "AK" : null));
        Assert.Contains("not HUAWEICLOUD_SDK_SK", half.Message);
    }

    [Fact]
    public async Task A_region_with_no_project_is_an_error_and_nothing_is_created()
    {
        var r = Request();
        r.Region = "eu-nowhere-9";
        r.Token = SecretText.Protect(EmulatorDefaults.Token);
        var ex = await Assert.ThrowsAsync<DqcProjectResolutionException>(() => Connect(r));
        Assert.Contains("no project named 'eu-nowhere-9'", ex.Message);
        Assert.All(State.Requests.Since(0), q => Assert.Equal("GET", q.Method));
    }

    [Fact]
    public async Task Several_projects_of_the_same_name_are_an_error_not_a_guess()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json(HttpStatusCode.OK,
            "{\"projects\":[{\"id\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",\"name\":\"cn-north-4\"}," +
            "{\"id\":\"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\",\"name\":\"cn-north-4\"}]}"));
        var r = new DqcConnectRequest { Region = "cn-north-4", WorkspaceId = EmulatorDefaults.WorkspaceId,
            Token = SecretText.Protect("t") };
        var ex = await Assert.ThrowsAsync<DqcProjectResolutionException>(() =>
            DqcConnector.ConnectAsync(r, NullDqcLog.Instance, CancellationToken.None, NoEnvironment, () => handler));
        Assert.Contains("2 projects named 'cn-north-4'", ex.Message);
        var only = Assert.Single(handler.Requests);
        Assert.Equal("https://iam.cn-north-4.myhuaweicloud.com/v3/projects?name=cn-north-4",
            only.Request.RequestUri!.AbsoluteUri);
    }

    [Fact]
    public async Task A_clock_more_than_15_minutes_off_is_refused()
    {
        await _app!.DisposeAsync();
        (_app, _url) = await EmulatorApp.StartAsync(
            new EmulatorOptions { QualityJobs = 5, ComparisonJobs = 3, ClockSkewSeconds = 16 * 60 });
        var r = Request();
        r.ProjectId = EmulatorDefaults.ProjectId;
        r.AccessKey = EmulatorDefaults.AccessKey;
        r.SecretKey = SecretText.Protect(EmulatorDefaults.SecretKey);
        using var connection = await Connect(r);
        var ex = await Assert.ThrowsAsync<DqcApiException>(() => Restart(connection));
        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Contains("more than 15 minutes", ex.Message);

        // 14 minutes off is still accepted.
        await _app!.DisposeAsync();
        (_app, _url) = await EmulatorApp.StartAsync(
            new EmulatorOptions { QualityJobs = 5, ComparisonJobs = 3, ClockSkewSeconds = -14 * 60 });
        r = Request();
        r.ProjectId = EmulatorDefaults.ProjectId;
        r.AccessKey = EmulatorDefaults.AccessKey;
        r.SecretKey = SecretText.Protect(EmulatorDefaults.SecretKey);
        using var close = await Connect(r);
        await Restart(close);
    }

    [Fact]
    public async Task Workspaces_are_listed_page_by_page_without_the_workspace_header_and_found_by_name()
    {
        var r = Request();
        r.Token = SecretText.Protect(EmulatorDefaults.Token);
        r.ProjectId = EmulatorDefaults.ProjectId;
        r.WorkspaceId = null;
        using var connection = await Connect(r);
        Assert.Equal("", connection.WorkspaceId);

        var list = await new DqcClient(connection)
            .ListWorkspacesAsync(EmulatorDefaults.InstanceId, CancellationToken.None, pageSize: 2);
        Assert.Equal(5, list.Count);
        Assert.Equal(5, list.Select(w => w.WorkspaceId).Distinct().Count());
        var pages = State.Requests.Since(0).Where(q => q.Path.Contains("/workspaces/", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(new[] { "?limit=2&offset=0", "?limit=2&offset=2", "?limit=2&offset=4" },
            pages.Select(p => p.Query));
        Assert.All(pages, p => Assert.False(p.Headers.ContainsKey("workspace")));

        r.WorkspaceName = "dqc_analytics";
        r.InstanceId = EmulatorDefaults.InstanceId;
        using var named = await Connect(r);
        Assert.Equal(EmulatorState.SecondWorkspaceId, named.WorkspaceId);

        r.WorkspaceName = "no_such_space";
        var ex = await Assert.ThrowsAsync<DqcWorkspaceNotFoundException>(() => Connect(r));
        Assert.Contains("'dqc_prod'", ex.Message);
    }
}

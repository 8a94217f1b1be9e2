using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using DataArtsQuality.Client;
using DataArtsQuality.Client.Auth;
using Xunit;

namespace DataArtsQuality.Tests;

/// <summary>
/// IAM calls (the password login and the project lookup while connecting) go through the same send path as DQC calls:
/// one timeout over headers and body, Ctrl+C, the retries that are safe, redacted logs, the TLS hint.
/// </summary>
public class IamTransportTests
{
    private const string IamToken = "MIIiam-issued-token";
    private const string Password = "Iam-Login-Pa55word";
    private static readonly Func<string, string?> NoEnvironment = _ => null;
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(60);

    private static DqcConnectRequest PasswordRequest(DqcSettings settings) => new()
    {
        Endpoint = new Uri("https://dayu.ap-southeast-1.myhuaweicloud.com"),
        IamEndpoint = new Uri("https://iam.ap-southeast-1.myhuaweicloud.com"),
        Region = "ap-southeast-1",
        WorkspaceId = Fixtures.WorkspaceId,
        UserName = "ops",
        Password = SecretText.Protect(Password),
        DomainName = "acme",
        Settings = settings,
    };

    private static DqcSettings Settings(int retries = 2, double timeoutSec = 100) =>
        new() { MaximumRetryCount = retries, RetryIntervalSec = 0, TimeoutSec = timeoutSec };

    private static HttpResponseMessage TokenAnswer()
    {
        var now = DateTimeOffset.UtcNow;
        string body = "{\"token\":{\"expires_at\":\"" + now.AddHours(24).ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ") +
            "\",\"issued_at\":\""
            + now.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ") + "\",\"project\":{\"id\":\"" + Fixtures.ProjectId +
            "\",\"name\":\"ap-southeast-1\"}}}";
        var answer = RecordingHandler.Json(HttpStatusCode.Created, body);
        answer.Headers.TryAddWithoutValidation("X-Subject-Token", IamToken);
        return answer;
    }

    private static Task<DqcConnection> Connect(DqcConnectRequest request, RecordingHandler handler, IDqcLog? log = null,
        CancellationToken cancellationToken = default)
        => DqcConnector.ConnectAsync(request, log ?? NullDqcLog.Instance, cancellationToken, NoEnvironment,
            () => handler);

    /// <summary>Fails instead of hanging when a call never ends (as IAM calls did while their body was read without a
    /// limit).</summary>
    private static async Task<T> Within<T>(Task<T> task)
    {
        if (await Task.WhenAny(task, Task.Delay(Hang)) != task)
            throw new TimeoutException($"The call did not end within {Hang.TotalSeconds} s.");
        return await task;
    }

    [Fact]
    public async Task A_503_to_the_token_request_is_retried_because_a_login_sent_twice_only_issues_another_token()
    {
        int calls = 0;
        var handler = new RecordingHandler(_ => ++calls == 1
            ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
                { Content = new StringContent("<html><title>503</title></html>") }
            : TokenAnswer());
        var log = new ListLog();
        using var connection = await Within(Connect(PasswordRequest(Settings()), handler, log));
        Assert.Equal(Fixtures.ProjectId, connection.ProjectId);
        Assert.Equal(2, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.Equal("/v3/auth/tokens", r.Request.RequestUri!.AbsolutePath));
        Assert.Contains(log.Lines,
            l => System.Text.RegularExpressions.Regex.IsMatch(l,
                @"POST /v3/auth/tokens -> 503 .* \(attempt 1\); retry 1 of 2"));
        Assert.Contains(log.Lines,
            l => System.Text.RegularExpressions.Regex.IsMatch(l,
                @"POST /v3/auth/tokens -> 201 Created in \d+ ms \(attempt 2\)"));
    }

    [Fact]
    public async Task A_500_to_the_token_request_is_iams_own_answer_and_not_retried()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json(HttpStatusCode.InternalServerError,
            "{\"error\":{\"code\":500,\"message\":\"IAM broke\",\"title\":\"Internal Server Error\"}}"));
        var ex = await Within(Assert.ThrowsAsync<DqcApiException>(() => Connect(PasswordRequest(Settings()), handler)));
        Assert.Single(handler.Requests);
        Assert.Contains("IAM broke", ex.Message);
        Assert.Equal(1, ex.Attempts);
    }

    [Fact]
    public async Task A_token_answer_whose_body_stalls_times_out_after_TimeoutSec_and_the_login_is_sent_again()
    {
        int calls = 0;
        var handler = new RecordingHandler(_ =>
        {
            if (++calls > 1) return TokenAnswer();
            var stalled = new HttpResponseMessage(HttpStatusCode.Created)
                { Content = new StreamContent(new StallingBodyStream()) };
            stalled.Headers.TryAddWithoutValidation("X-Subject-Token", IamToken);
            return stalled;
        });
        var log = new ListLog();
        var watch = Stopwatch.StartNew();
        using var connection = await Within(Connect(PasswordRequest(Settings(timeoutSec: 1)), handler, log));
        Assert.Equal(2, handler.Requests.Count);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(45));
        Assert.Contains(log.Lines,
            l => l.Contains("POST /v3/auth/tokens -> timed out after") && l.Contains("(attempt 1); retry 1 of 2"));
    }

    [Fact]
    public async Task A_timed_out_token_request_is_reported_as_a_timeout_when_retries_are_off()
    {
        var handler = new RecordingHandler(
            _ => new HttpResponseMessage(HttpStatusCode.Created) { Content = new StreamContent(new StallingBodyStream()) });
        var ex = await Within(
            Assert.ThrowsAsync<DqcTransportException>(
                () => Connect(PasswordRequest(Settings(retries: 0, timeoutSec: 1)), handler)));
        Assert.True(ex.TimedOut);
        Assert.Contains("timed out after 1 s (TimeoutSec)", ex.Message);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Ctrl_C_ends_a_token_request_whose_body_stalls()
    {
        var handler = new RecordingHandler(
            _ => new HttpResponseMessage(HttpStatusCode.Created) { Content = new StreamContent(new StallingBodyStream()) });
        using var ctrlC = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();
        await Within(
            Assert.ThrowsAnyAsync<OperationCanceledException>(
                () => Connect(PasswordRequest(Settings(timeoutSec: 100)), handler, cancellationToken: ctrlC.Token)));
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(30));
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task The_password_and_the_issued_token_never_reach_the_verbose_or_debug_lines()
    {
        var handler = new RecordingHandler(_ => TokenAnswer());
        var log = new ListLog { IsDebugEnabled = true };
        using var connection = await Within(Connect(PasswordRequest(Settings()), handler, log));
        Assert.Contains(Password, handler.Requests[0].Body);   // it did go to IAM
        Assert.Contains(log.Lines,
            l => l.StartsWith("DEBUG HTTP request") && l.Contains("\"password\": \"" + HttpLogFormatter.Redacted + "\"")
            || l.StartsWith("DEBUG HTTP request") && l.Contains("\"password\":\"" + HttpLogFormatter.Redacted + "\""));
        Assert.Contains(log.Lines,
            l => l.StartsWith("DEBUG HTTP response") && l.Contains("X-Subject-Token: " + HttpLogFormatter.Redacted));
        Assert.Contains(log.Lines,
            l => System.Text.RegularExpressions.Regex.IsMatch(l,
                @"^VERBOSE POST /v3/auth/tokens -> 201 Created in \d+ ms \(attempt 1\)$"));
        Assert.All(log.Lines, l => Assert.DoesNotContain(Password, l));
        Assert.All(log.Lines, l => Assert.DoesNotContain(IamToken, l));
    }

    [Fact]
    public async Task The_project_lookup_is_a_read_and_is_retried_after_a_broken_connection()
    {
        int calls = 0;
        var handler = new RecordingHandler(_ => ++calls == 1
            ? throw new HttpRequestException("Error while copying content to a stream.",
                new IOException("Connection reset by peer"))
            : RecordingHandler.Json(HttpStatusCode.OK,
                "{\"projects\":[{\"id\":\"" + Fixtures.ProjectId + "\",\"name\":\"ap-southeast-1\"}]}"));
        var request = new DqcConnectRequest
        {
            Region = "ap-southeast-1", WorkspaceId = Fixtures.WorkspaceId, Token = SecretText.Protect(Fixtures.Token),
            Settings = Settings(),
        };
        using var connection = await Within(Connect(request, handler));
        Assert.Equal(Fixtures.ProjectId, connection.ProjectId);
        Assert.Equal(2, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.Equal("/v3/projects", r.Request.RequestUri!.AbsolutePath));
    }

    [Fact]
    public async Task A_certificate_iam_does_not_pass_is_a_tls_failure_with_the_hint_and_not_retried()
    {
        var handler = new RecordingHandler(
            _ => throw new HttpRequestException("The SSL connection could not be established.",
            new AuthenticationException("The remote certificate is invalid according to the validation procedure.")));
        var ex = await Within(
            Assert.ThrowsAsync<DqcTransportException>(() => Connect(PasswordRequest(Settings()), handler)));
        Assert.True(ex.IsTlsFailure);
        Assert.False(ex.MayHaveReachedServer);
        Assert.Contains("-SkipCertificateCheck", ex.Message);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_refused_iam_connection_is_retried_because_nothing_was_sent()
    {
        var handler = new RecordingHandler(
            _ => throw new HttpRequestException("Connection refused",
                new SocketException((int)SocketError.ConnectionRefused)));
        var ex = await Within(
            Assert.ThrowsAsync<DqcTransportException>(() => Connect(PasswordRequest(Settings(retries: 2)), handler)));
        Assert.False(ex.MayHaveReachedServer);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task A_2xx_project_list_whose_body_breaks_is_read_again_as_a_read_may_be()
    {
        int calls = 0;
        var handler = new RecordingHandler(_ => ++calls == 1
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new BreakingStream()) }
            : RecordingHandler.Json(HttpStatusCode.OK,
                "{\"projects\":[{\"id\":\"" + Fixtures.ProjectId + "\",\"name\":\"ap-southeast-1\"}]}"));
        var request = new DqcConnectRequest
        {
            Region = "ap-southeast-1", WorkspaceId = Fixtures.WorkspaceId, Token = SecretText.Protect(Fixtures.Token),
            Settings = Settings(),
        };
        using var connection = await Within(Connect(request, handler));
        Assert.Equal(Fixtures.ProjectId, connection.ProjectId);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task A_2xx_rerun_whose_body_breaks_is_still_not_sent_again()
    {
        var handler = new RecordingHandler(
            _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new BreakingStream()) });
        using var connection = Fixtures.Connection(handler);
        await Assert.ThrowsAsync<DqcResponseFormatException>(() =>
            new DqcClient(connection).RestartJobAsync(DataArtsQuality.Models.DqcRuleType.Quality, "1440764172232392705",
                CancellationToken.None));
        Assert.Single(handler.Requests);
    }
}

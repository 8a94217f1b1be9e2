using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using DataArtsQuality.Client;
using DataArtsQuality.Client.Auth;
using Xunit;

namespace DataArtsQuality.Tests;

/// <summary>
/// Each case of <see cref="AttemptOutcome"/>, reached by one attempt of <see cref="TransportAttempt"/> over a fake
/// handler: what came back (or did not), and the retry policy's decision where a retry is possible.
/// </summary>
public class TransportAttemptTests
{
    private static readonly Uri Endpoint = new("https://dayu.ap-southeast-1.myhuaweicloud.com/v2/p/quality/instances");

    private static DqcSettings Settings(double timeoutSec = 100) =>
        new() { MaximumRetryCount = 3, RetryIntervalSec = 0, TimeoutSec = timeoutSec };

    private static TransportRequest Get() => new(HttpMethod.Get, Endpoint);

    private static TransportRequest Post() => new(HttpMethod.Post, Endpoint, "{\"rule_id\":\"1\"}"u8.ToArray());

    private static Task<AttemptOutcome> Run(HttpMessageHandler handler, TransportRequest request,
        DqcSettings? settings = null, CancellationToken cancellationToken = default, bool mayRenewCredential = true,
        IDqcLog? log = null)
    {
        settings ??= Settings();
        var attempt = new TransportAttempt(new HttpClient(handler), request, settings, new RetryPolicy(settings),
            log ?? NullDqcLog.Instance, cancellationToken);
        return attempt.RunAsync(1, "", mayRenewCredential);
    }

    private static RecordingHandler Throwing(Exception ex) => new(_ => throw ex);

    private static HttpResponseMessage Body(HttpStatusCode status, Stream body) =>
        new(status) { Content = new StreamContent(body) };

    [Fact]
    public async Task A_2xx_with_its_body_is_Answered_with_the_kept_headers()
    {
        var handler = new RecordingHandler(_ =>
        {
            var answer = RecordingHandler.Json(HttpStatusCode.Created, "{\"ok\":true}");
            answer.Headers.TryAddWithoutValidation("X-Subject-Token", "t");
            return answer;
        });
        var request = Get();
        request.KeepResponseHeaders = new[] { "x-subject-token" };
        var log = new ListLog();
        var answered = Assert.IsType<AttemptOutcome.Answered>(await Run(handler, request, log: log));
        Assert.Equal(HttpStatusCode.Created, answered.Answer.Status);
        Assert.Equal("{\"ok\":true}", System.Text.Encoding.UTF8.GetString(answered.Answer.Body));
        Assert.Equal("t", answered.Answer.Header("X-Subject-Token"));
        Assert.Matches(@"^VERBOSE GET /v2/p/quality/instances -> 201 Created in \d+ ms \(attempt 1\)$",
            Assert.Single(log.Lines));
    }

    [Fact]
    public async Task A_2xx_to_a_write_whose_body_breaks_is_AnsweredUnread()
    {
        var handler = new RecordingHandler(_ => Body(HttpStatusCode.OK, new BreakingStream()));
        var unread = Assert.IsType<AttemptOutcome.AnsweredUnread>(await Run(handler, Post()));
        Assert.Contains("answered 200 OK but its body could not be read: The connection was reset.",
            unread.Error.Message);
    }

    [Fact]
    public async Task A_2xx_to_a_write_whose_body_does_not_arrive_in_time_is_AnsweredUnread()
    {
        var handler = new RecordingHandler(_ => Body(HttpStatusCode.OK, new StallingBodyStream()));
        var unread = Assert.IsType<AttemptOutcome.AnsweredUnread>(
            await Run(handler, Post(), Settings(timeoutSec: 0.2)));
        Assert.Contains("but its body did not arrive within 0.2 s (TimeoutSec)", unread.Error.Message);
    }

    [Fact]
    public async Task A_2xx_to_a_read_whose_body_breaks_is_BrokenAfterSent_and_retried()
    {
        var handler = new RecordingHandler(_ => Body(HttpStatusCode.OK, new BreakingStream()));
        var broken = Assert.IsType<AttemptOutcome.BrokenAfterSent>(await Run(handler, Get()));
        Assert.True(broken.Error.MayHaveReachedServer);
        Assert.Equal(RetryReason.Backoff, broken.Decision.Why);
    }

    [Fact]
    public async Task A_2xx_to_a_repeat_safe_write_whose_body_stalls_is_TimedOut_and_retried()
    {
        var request = Post();
        request.RepeatSafe = true;
        var handler = new RecordingHandler(_ => Body(HttpStatusCode.Created, new StallingBodyStream()));
        var timedOut = Assert.IsType<AttemptOutcome.TimedOut>(await Run(handler, request, Settings(timeoutSec: 0.2)));
        Assert.True(timedOut.Error.TimedOut);
        Assert.True(timedOut.Decision.Retry);
    }

    [Fact]
    public async Task A_401_the_credential_may_renew_itself_after_is_Unauthorized()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json(HttpStatusCode.Unauthorized, "{}"));
        var request = Get();
        request.Authenticator = new TokenAuthenticator(SecretText.Protect(Fixtures.Token));
        var unauthorized = Assert.IsType<AttemptOutcome.Unauthorized>(await Run(handler, request));
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.Error.StatusCode);

        // Renewed once already in this send, without a credential, or renewal not allowed: an answer like any other.
        var again = Assert.IsType<AttemptOutcome.Refused>(await Run(handler, request, mayRenewCredential: false));
        Assert.Equal(RetryReason.StatusNotRetried, again.Decision.Why);
        Assert.IsType<AttemptOutcome.Refused>(await Run(handler, Get()));
        request.AllowCredentialRenewal = false;
        Assert.IsType<AttemptOutcome.Refused>(await Run(handler, request));
    }

    [Theory]
    [InlineData("POST", 503, true, "Backoff")]
    [InlineData("POST", 429, true, "Backoff")]
    [InlineData("POST", 500, false, "MayHaveBeenCarriedOut")]
    [InlineData("POST", 504, false, "MayHaveBeenCarriedOut")]
    [InlineData("GET", 404, false, "StatusNotRetried")]
    public async Task A_non_2xx_is_Refused_with_the_policys_decision(string method, int status, bool retried,
        string why)
    {
        var handler = new RecordingHandler(_ =>
            RecordingHandler.Json((HttpStatusCode)status, "{\"error_code\":\"DQC.1\"}"));
        var log = new ListLog();
        var refused = Assert.IsType<AttemptOutcome.Refused>(
            await Run(handler, method == "GET" ? Get() : Post(), log: log));
        Assert.Equal(status, (int)refused.Error.StatusCode);
        Assert.Equal(retried, refused.Decision.Retry);
        Assert.Equal(Enum.Parse<RetryReason>(why), refused.Decision.Why);
        Assert.Equal(status == 429, refused.IsThrottled);
        Assert.EndsWith("(attempt 1); " + refused.Decision.Reason, Assert.Single(log.Lines));
    }

    [Fact]
    public async Task A_refused_connection_is_BrokenBeforeSent_and_retried_even_for_a_write()
    {
        var handler = Throwing(new HttpRequestException("Connection refused",
            new SocketException((int)SocketError.ConnectionRefused)));
        var broken = Assert.IsType<AttemptOutcome.BrokenBeforeSent>(await Run(handler, Post()));
        Assert.Equal(TransportFailure.NotSent, broken.Kind);
        Assert.False(broken.Error.MayHaveReachedServer);
        Assert.True(broken.Decision.Retry);
    }

    [Fact]
    public async Task A_failed_TLS_handshake_is_BrokenBeforeSent_and_not_retried()
    {
        var handler = Throwing(new HttpRequestException("The SSL connection could not be established.",
            new AuthenticationException("The remote certificate is invalid.")));
        var broken = Assert.IsType<AttemptOutcome.BrokenBeforeSent>(await Run(handler, Get()));
        Assert.Equal(TransportFailure.Tls, broken.Kind);
        Assert.True(broken.Error.IsTlsFailure);
        Assert.Equal(RetryReason.TlsFailure, broken.Decision.Why);
    }

    [Fact]
    public async Task A_connection_reset_is_BrokenAfterSent_and_a_write_is_not_retried()
    {
        var handler = Throwing(new HttpRequestException("Error while copying content to a stream.",
            new IOException("Connection reset by peer")));
        var log = new ListLog();
        var broken = Assert.IsType<AttemptOutcome.BrokenAfterSent>(await Run(handler, Post(), log: log));
        Assert.True(broken.Error.MayHaveReachedServer);
        Assert.Contains("broke before a complete answer", broken.Error.Message);
        Assert.Equal(RetryReason.MayHaveReachedService, broken.Decision.Why);
        Assert.Matches(@"-> no answer after \d+ ms \(attempt 1\); not retried: the POST may have reached the service$",
            Assert.Single(log.Lines));
    }

    [Fact]
    public async Task A_send_the_HTTP_stack_gave_up_on_is_BrokenAfterSent_never_a_timeout()
    {
        var handler = Throwing(new OperationCanceledException("The HTTP stack was shut down."));
        var broken = Assert.IsType<AttemptOutcome.BrokenAfterSent>(await Run(handler, Post()));
        Assert.False(broken.Error.TimedOut);
        Assert.Contains("was cancelled before a complete answer (The HTTP stack was shut down.)", broken.Error.Message);
        Assert.Equal(RetryReason.MayHaveReachedService, broken.Decision.Why);
    }

    [Fact]
    public async Task No_headers_within_TimeoutSec_is_TimedOut_and_a_write_is_not_retried()
    {
        var log = new ListLog();
        var timedOut = Assert.IsType<AttemptOutcome.TimedOut>(
            await Run(AsyncHandler.Silent(), Post(), Settings(timeoutSec: 0.2), log: log));
        Assert.True(timedOut.Error.TimedOut);
        Assert.True(timedOut.Error.MayHaveReachedServer);
        Assert.Contains("timed out after 0.2 s (TimeoutSec)", timedOut.Error.Message);
        Assert.Equal(RetryReason.MayHaveReachedService, timedOut.Decision.Why);
        Assert.Contains("-> timed out after", Assert.Single(log.Lines));
    }

    [Fact]
    public async Task A_closed_gate_is_Withheld_and_nothing_is_sent()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json(HttpStatusCode.OK, "{}"));
        var request = Post();
        request.Gate = new DqcSendGate(() => false, CancellationToken.None);
        var withheld = Assert.IsType<AttemptOutcome.Withheld>(await Run(handler, request));
        Assert.Equal("POST /v2/p/quality/instances was not sent: the caller stopped sending.", withheld.Error.Message);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Ctrl_C_on_the_wire_is_Cancelled_as_it_came()
    {
        using var ctrlC = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var cancelled = Assert.IsType<AttemptOutcome.Cancelled>(
            await Run(AsyncHandler.Silent(), Post(), cancellationToken: ctrlC.Token));
        Assert.IsAssignableFrom<OperationCanceledException>(cancelled.Error);
        Assert.ThrowsAny<OperationCanceledException>(cancelled.Throw);
    }

    [Fact]
    public async Task A_connection_that_breaks_because_of_Ctrl_C_is_Cancelled_not_broken()
    {
        using var ctrlC = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var handler = new AsyncHandler(async (_, ct) =>
        {
            try { await Task.Delay(Timeout.Infinite, ct); }
            catch (OperationCanceledException) { }
            throw new IOException("The operation was aborted.");
        });
        var cancelled = Assert.IsType<AttemptOutcome.Cancelled>(
            await Run(handler, Post(), cancellationToken: ctrlC.Token));
        var error = Assert.IsType<OperationCanceledException>(cancelled.Error);
        Assert.Equal("The request was cancelled.", error.Message);
        Assert.IsType<IOException>(error.InnerException);
    }

    [Fact]
    public async Task An_exception_the_network_does_not_explain_is_no_outcome_and_propagates_as_it_is()
    {
        var bug = new InvalidOperationException("a bug in a handler");
        Assert.Same(bug, await Assert.ThrowsAsync<InvalidOperationException>(() => Run(Throwing(bug), Get())));
    }
}

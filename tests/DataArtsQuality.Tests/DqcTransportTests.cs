using System.Net;
using System.Net.Http;
using DataArtsQuality.Client;
using DataArtsQuality.Client.Auth;
using Xunit;

namespace DataArtsQuality.Tests;

/// <summary>
/// <see cref="DqcTransport"/>'s loop around the attempts: what it does with each <see cref="AttemptOutcome"/> (return,
/// renew the credential, slow the user down after a 429, wait and retry, or end the send with the outcome's error).
/// </summary>
public class DqcTransportTests
{
    private static readonly Uri Endpoint = new("https://dayu.ap-southeast-1.myhuaweicloud.com/v2/p/quality/instances");

    private static readonly DqcSettings Settings = new() { MaximumRetryCount = 2, RetryIntervalSec = 0 };

    private static TransportRequest Post(IDqcAuthenticator? authenticator = null) =>
        new(HttpMethod.Post, Endpoint, "{}"u8.ToArray()) { Authenticator = authenticator };

    private static RateLimiter Limiter() => new();

    private static Task<TransportAnswer> Send(HttpMessageHandler handler, TransportRequest request,
        RateLimiter? limiter = null, IDqcLog? log = null, CancellationToken cancellationToken = default) =>
        DqcTransport.SendAsync(new HttpClient(handler), request, Settings, limiter, log ?? NullDqcLog.Instance,
            cancellationToken);

    private static Func<HttpRequestMessage, HttpResponseMessage> InTurn(params HttpStatusCode[] statuses)
    {
        int calls = 0;
        return _ => RecordingHandler.Json(statuses[Math.Min(calls++, statuses.Length - 1)], "{}");
    }

    /// <summary>Counts its renewals; <c>renews</c> says whether one works.</summary>
    private sealed class RenewingAuthenticator(bool renews) : IDqcAuthenticator
    {
        public int Renewals { get; private set; }
        public DqcAuthenticationKind Kind => DqcAuthenticationKind.Token;
        public DateTimeOffset? ExpiresAt => null;
        public Task AuthenticateAsync(HttpRequestMessage request, byte[]? body, CancellationToken cancellationToken)
            => Task.CompletedTask;
        public Task<bool> TryRecoverAsync(DqcApiException unauthorized, CancellationToken cancellationToken)
        {
            Renewals++;
            return Task.FromResult(renews);
        }
    }

    [Fact]
    public async Task An_answer_ends_the_send()
    {
        var handler = new RecordingHandler(InTurn(HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.OK, (await Send(handler, Post(), Limiter())).Status);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_401_renews_the_credential_once_and_sends_a_write_again()
    {
        var handler = new RecordingHandler(InTurn(HttpStatusCode.Unauthorized, HttpStatusCode.OK));
        var credential = new RenewingAuthenticator(renews: true);
        var log = new ListLog();
        await Send(handler, Post(credential), log: log);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(1, credential.Renewals);
        Assert.Contains("VERBOSE POST /v2/p/quality/instances: credential renewed after 401, sending again", log.Lines);

        // A second 401 after the renewal is an answer like any other: not retried, after two attempts.
        var again = new RecordingHandler(InTurn(HttpStatusCode.Unauthorized));
        credential = new RenewingAuthenticator(renews: true);
        var ex = await Assert.ThrowsAsync<DqcApiException>(() => Send(again, Post(credential)));
        Assert.Equal(2, ex.Attempts);
        Assert.Equal(RetryReason.StatusNotRetried, ex.RetryDecision?.Why);
        Assert.Equal(1, credential.Renewals);
    }

    [Fact]
    public async Task A_401_the_credential_cannot_renew_itself_after_ends_the_send_with_the_401()
    {
        var handler = new RecordingHandler(InTurn(HttpStatusCode.Unauthorized));
        var ex = await Assert.ThrowsAsync<DqcApiException>(() => Send(handler, Post(new RenewingAuthenticator(false))));
        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Equal(1, ex.Attempts);
        Assert.Null(ex.RetryDecision);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_429_slows_the_users_limiter_down_and_the_request_goes_again()
    {
        var handler = new RecordingHandler(InTurn((HttpStatusCode)429, HttpStatusCode.OK));
        var limiter = Limiter();
        await Send(handler, Post(), limiter);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(1, limiter.LocalRate.Refusals);
    }

    [Fact]
    public async Task A_429_without_a_limiter_is_retried_after_the_back_off()
    {
        var handler = new RecordingHandler(InTurn((HttpStatusCode)429, HttpStatusCode.OK));
        await Send(handler, Post());
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task A_refusal_retried_until_MaximumRetryCount_carries_its_attempts_and_the_decision()
    {
        var handler = new RecordingHandler(InTurn(HttpStatusCode.ServiceUnavailable));
        var ex = await Assert.ThrowsAsync<DqcApiException>(() => Send(handler, Post(), Limiter()));
        Assert.Equal(3, ex.Attempts);
        Assert.Equal(RetryReason.GaveUp, ex.RetryDecision?.Why);
        Assert.Equal("gave up after 3 attempts", ex.RetryNote);
    }

    [Fact]
    public async Task No_answer_to_a_write_that_may_have_reached_the_service_is_never_sent_again()
    {
        var handler = new RecordingHandler(_ => throw new HttpRequestException("reset", new IOException("reset")));
        var ex = await Assert.ThrowsAsync<DqcTransportException>(() => Send(handler, Post(), Limiter()));
        Assert.Single(handler.Requests);
        Assert.Equal(1, ex.Attempts);
        Assert.Equal(RetryReason.MayHaveReachedService, ex.RetryDecision?.Why);
    }

    [Fact]
    public async Task A_2xx_to_a_write_whose_body_broke_ends_the_send_with_a_format_error()
    {
        var handler = new RecordingHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)
            { Content = new StreamContent(new BreakingStream()) });
        await Assert.ThrowsAsync<DqcResponseFormatException>(() => Send(handler, Post(), Limiter()));
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_withheld_attempt_ends_the_send_as_cancelled()
    {
        var handler = new RecordingHandler(InTurn(HttpStatusCode.OK));
        var request = Post();
        request.Gate = new DqcSendGate(() => false, CancellationToken.None);
        var ex = await Assert.ThrowsAsync<OperationCanceledException>(() => Send(handler, request, Limiter()));
        Assert.Contains("was not sent", ex.Message);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task A_closed_gate_ends_the_wait_before_a_retry()
    {
        using var closed = new CancellationTokenSource();
        var handler = new RecordingHandler(_ =>
        {
            closed.Cancel();
            return RecordingHandler.Json(HttpStatusCode.ServiceUnavailable, "{}");
        });
        var request = Post();
        request.Gate = new DqcSendGate(() => true, closed.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Send(handler, request, Limiter()));
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Ctrl_C_on_the_wire_ends_the_send_as_cancelled()
    {
        using var ctrlC = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var handler = AsyncHandler.Silent();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Send(handler, Post(), Limiter(), cancellationToken: ctrlC.Token));
        Assert.Equal(1, handler.Requests);
    }
}

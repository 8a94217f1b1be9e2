using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using DataArtsQuality.Client;
using DataArtsQuality.Client.Auth;
using DataArtsQuality.Models;
using Xunit;

namespace DataArtsQuality.Tests;

public class ClientRetryTests
{
    private static DqcConnection Connection(HttpMessageHandler handler, int retries = 3) =>
        new(new DqcConnectRequest
        {
            Endpoint = new Uri("https://dayu.ap-southeast-1.myhuaweicloud.com"), ProjectId = Fixtures.ProjectId,
            WorkspaceId = Fixtures.WorkspaceId,
            Settings = new DqcSettings { MaximumRetryCount = retries, RetryIntervalSec = 0 },
            // Its own limiter: a 429 pause here must not hold back the other tests' connections of the same fake user.
            OwnRateLimiter = new RateLimiter(),
        }, new TokenAuthenticator(SecretText.Protect(Fixtures.Token)), handler);

    [Fact]
    public async Task A_503_then_200_is_one_rerun_with_one_verbose_line_per_call()
    {
        int calls = 0;
        var handler = new RecordingHandler(_ => ++calls == 1
            ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
                { Content = new StringContent("<html><title>503</title></html>") }
            : RecordingHandler.Json(HttpStatusCode.OK, "{\"instance_id\":\"1440770000000000001\"}"));
        var log = new ListLog();
        var id = await new DqcClient(Connection(handler), log)
            .RestartJobAsync(DqcRuleType.Quality, "1", CancellationToken.None);
        Assert.Equal("1440770000000000001", id);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Collection(log.Lines,
            l => Assert.Matches(
                @"POST /v2/\w+/quality/instances/restart -> 503 .* \(attempt 1\); retry 1 of 3 in 0\.0 s", l),
            // paced 31 ms after the first
            l => Assert.Matches(@"-> 200 OK in \d+ ms \(attempt 2(, waited \d+ ms for the rate limit)?\)", l));
    }

    [Fact]
    public async Task A_broken_connection_is_retried_for_a_GET_but_not_for_a_POST()
    {
        int calls = 0;
        var handler = new RecordingHandler(_ => ++calls == 1
            ? throw new HttpRequestException("Error while copying content to a stream.",
                new IOException("Connection reset by peer"))
            : RecordingHandler.Json(HttpStatusCode.OK, "{}"));
        var client = new DqcClient(Connection(handler));
        await client.SendRawAsync(HttpMethod.Get, client.Connection.QualityUri("instances"), null,
            CancellationToken.None);
        Assert.Equal(2, handler.Requests.Count);

        calls = 0;
        handler.Requests.Clear();
        var ex = await Assert.ThrowsAsync<DqcTransportException>(
            () => client.RestartJobAsync(DqcRuleType.Quality, "1", CancellationToken.None));
        Assert.True(ex.MayHaveReachedServer);
        Assert.Equal(1, ex.Attempts);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_for_a_POST_because_nothing_was_sent()
    {
        var handler = new RecordingHandler(
            _ => throw new HttpRequestException("Connection refused",
                new SocketException((int)SocketError.ConnectionRefused)));
        var ex = await Assert.ThrowsAsync<DqcTransportException>(() =>
            new DqcClient(Connection(handler, retries: 2)).RestartJobAsync(DqcRuleType.Quality, "1",
                CancellationToken.None));
        Assert.False(ex.MayHaveReachedServer);
        Assert.Equal(3, ex.Attempts);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task A_500_to_a_POST_is_not_retried()
    {
        var handler = new RecordingHandler(
            _ => RecordingHandler.Json(HttpStatusCode.InternalServerError,
                "{\"error_code\":\"DQC.0500\",\"error_msg\":\"boom\"}"));
        var ex = await Assert.ThrowsAsync<DqcApiException>(
            () => new DqcClient(Connection(handler)).RestartJobAsync(DqcRuleType.Quality, "1", CancellationToken.None));
        Assert.Single(handler.Requests);
        Assert.Contains("may have been carried out", ex.RetryNote);
    }
}

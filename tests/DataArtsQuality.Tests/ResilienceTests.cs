using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using DataArtsQuality.Client;
using DataArtsQuality.Client.Auth;
using DataArtsQuality.Models;
using Xunit;

namespace DataArtsQuality.Tests;

public class RetryPolicyTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static RetryPolicy Policy(double random = 1.0, int retries = 4, double interval = 1) =>
        new(new DqcSettings { MaximumRetryCount = retries, RetryIntervalSec = interval }, () => random);

    [Theory]
    [InlineData("POST", 429, true)]
    [InlineData("POST", 502, true)]
    [InlineData("POST", 503, true)]
    [InlineData("POST", 504, false)]
    [InlineData("POST", 500, false)]
    [InlineData("POST", 400, false)]
    [InlineData("GET", 504, true)]
    [InlineData("GET", 500, false)]
    [InlineData("GET", 404, false)]
    public void Statuses_are_retried_only_where_nothing_can_run_twice(string method, int status, bool retried)
    {
        var decision = Policy().ForResponse(new HttpMethod(method), (HttpStatusCode)status, null, 1, Now);
        Assert.Equal(retried, decision.Retry);
    }

    [Theory]
    [InlineData("POST", TransportFailure.NotSent, true)]
    [InlineData("POST", TransportFailure.MaybeSent, false)]
    [InlineData("POST", TransportFailure.TimedOut, false)]
    [InlineData("GET", TransportFailure.MaybeSent, true)]
    [InlineData("GET", TransportFailure.TimedOut, true)]
    [InlineData("GET", TransportFailure.Tls, false)]
    public void Transport_failures_are_retried_for_reads_and_for_requests_never_sent(string method, object failure, bool retried) // object: the enum is internal
    {
        Assert.Equal(retried, Policy().ForFailure(new HttpMethod(method), (TransportFailure)failure, 1).Retry);
    }

    [Fact]
    public void Backoff_is_exponential_with_full_jitter_and_capped()
    {
        var top = Policy(random: 1.0);
        Assert.Equal(TimeSpan.FromSeconds(1), top.BackoffDelay(1));
        Assert.Equal(TimeSpan.FromSeconds(2), top.BackoffDelay(2));
        Assert.Equal(TimeSpan.FromSeconds(8), top.BackoffDelay(4));
        Assert.Equal(TimeSpan.FromSeconds(30), top.BackoffDelay(10)); // MaximumRetryIntervalSec
        Assert.Equal(TimeSpan.FromSeconds(2), Policy(random: 0.5).BackoffDelay(3));
        Assert.Equal(TimeSpan.Zero, Policy(random: 0.0).BackoffDelay(3));
    }

    [Fact]
    public void Retry_after_in_seconds_or_as_a_date_replaces_the_backoff()
    {
        var seconds = Policy().ForResponse(HttpMethod.Post, (HttpStatusCode)429, new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)), 1, Now);
        Assert.True(seconds.Retry);
        Assert.Equal(TimeSpan.FromSeconds(7), seconds.Delay);
        var date = Policy().ForResponse(HttpMethod.Post, (HttpStatusCode)503, new RetryConditionHeaderValue(Now.AddSeconds(12)), 1, Now);
        Assert.Equal(TimeSpan.FromSeconds(12), date.Delay);
        var past = Policy().ForResponse(HttpMethod.Post, (HttpStatusCode)503, new RetryConditionHeaderValue(Now.AddSeconds(-5)), 1, Now);
        Assert.Equal(TimeSpan.Zero, past.Delay);
        var tooLong = Policy().ForResponse(HttpMethod.Post, (HttpStatusCode)429, new RetryConditionHeaderValue(TimeSpan.FromHours(1)), 1, Now);
        Assert.False(tooLong.Retry);
        Assert.Contains("MaximumRetryAfterSec", tooLong.Reason);
    }

    [Fact]
    public void Retries_stop_after_MaximumRetryCount()
    {
        var policy = Policy(retries: 2);
        Assert.True(policy.ForResponse(HttpMethod.Get, (HttpStatusCode)503, null, 2, Now).Retry);
        var last = policy.ForResponse(HttpMethod.Get, (HttpStatusCode)503, null, 3, Now);
        Assert.False(last.Retry);
        Assert.Equal("gave up after 3 attempts", last.Reason);
    }
}

public class RateLimiterTests
{
    [Fact]
    public async Task Never_more_than_count_starts_in_any_period_and_waiters_keep_their_order()
    {
        var now = TimeSpan.Zero;
        var delays = new List<TimeSpan>();
        var limiter = new RateLimiter(3, TimeSpan.FromSeconds(10), () => now, (d, _) => { delays.Add(d); return Task.CompletedTask; });
        var waits = new List<TimeSpan>();
        for (int i = 0; i < 7; i++) waits.Add(await limiter.WaitAsync(CancellationToken.None));
        var spacing = TimeSpan.FromSeconds(10.1) + TimeSpan.FromMilliseconds(10);
        Assert.Equal(new[] { TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, spacing, spacing, spacing, spacing + spacing }, waits);
    }

    [Fact]
    public async Task A_slot_counts_from_the_answer_so_a_slow_first_request_does_not_crowd_the_next_window()
    {
        var now = TimeSpan.Zero;
        var limiter = new RateLimiter(2, TimeSpan.FromSeconds(10), () => now, (_, _) => Task.CompletedTask);
        var spacing = TimeSpan.FromSeconds(10.1) + TimeSpan.FromMilliseconds(10);
        var first = await limiter.ReserveAsync(2, TimeSpan.FromSeconds(10), CancellationToken.None);
        var second = await limiter.ReserveAsync(2, TimeSpan.FromSeconds(10), CancellationToken.None);
        // The first request took 2 s to reach the gateway and be answered; the second was answered at once.
        now = TimeSpan.FromSeconds(2);
        limiter.Settle(first.Slot);
        limiter.Settle(second.Slot);
        now = TimeSpan.FromSeconds(3);
        var third = await limiter.ReserveAsync(2, TimeSpan.FromSeconds(10), CancellationToken.None);
        // Two slots in the window now end at 2 s: the third waits until 2 s + spacing, not until 0 s + spacing.
        Assert.Equal(TimeSpan.FromSeconds(2) + spacing - now, third.Waited);
        // Settling a slot that is not there (trimmed) changes nothing: the fourth shares the third's window.
        limiter.Settle(TimeSpan.FromSeconds(-1));
        Assert.Equal(third.Slot - now, (await limiter.ReserveAsync(2, TimeSpan.FromSeconds(10), CancellationToken.None)).Waited);
    }

    [Fact]
    public async Task A_cancelled_wait_gives_its_slot_back()
    {
        var now = TimeSpan.Zero;
        var period = TimeSpan.FromSeconds(10);
        var spacing = TimeSpan.FromSeconds(10.1) + TimeSpan.FromMilliseconds(10);
        bool cancel = false;
        var limiter = new RateLimiter(2, period, () => now,
            (_, ct) => cancel ? Task.FromCanceled(new CancellationToken(true)) : Task.CompletedTask);
        await limiter.ReserveAsync(2, period, CancellationToken.None);
        await limiter.ReserveAsync(2, period, CancellationToken.None);
        // Ctrl+C while waiting for the next window: that request never leaves, so it must not hold a slot.
        cancel = true;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => limiter.ReserveAsync(2, period, CancellationToken.None));
        cancel = false;
        Assert.Equal(spacing, (await limiter.ReserveAsync(2, period, CancellationToken.None)).Waited);
    }

    [Fact]
    public async Task A_pause_after_429_holds_back_every_caller()
    {
        var now = TimeSpan.Zero;
        var limiter = new RateLimiter(0, TimeSpan.FromSeconds(10), () => now, (_, _) => Task.CompletedTask);
        Assert.Equal(TimeSpan.Zero, await limiter.WaitAsync(CancellationToken.None));
        limiter.Pause(TimeSpan.FromSeconds(3));
        now = TimeSpan.FromSeconds(1);
        Assert.Equal(TimeSpan.FromSeconds(2), await limiter.WaitAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_wait_is_cancellable()
    {
        var limiter = new RateLimiter(1, TimeSpan.FromMinutes(1));
        await limiter.WaitAsync(CancellationToken.None);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => limiter.WaitAsync(cts.Token));
    }
}

public class SettingsAndTransportTests
{
    [Fact]
    public void Environment_variables_override_the_defaults_and_bad_values_are_named()
    {
        var env = new Dictionary<string, string?>
        {
            ["DQC_MAX_RETRIES"] = "7",
            ["DQC_RETRY_INTERVAL_SEC"] = "0.5",
            ["DQC_TIMEOUT_SEC"] = "abc",
            ["DQC_RATE_LIMIT_COUNT"] = "20",
            ["DQC_RATE_LIMIT_PERIOD_SEC"] = "2",
        };
        var s = DqcSettings.FromEnvironment(out var problems, n => env.TryGetValue(n, out var v) ? v : null);
        Assert.Equal(7, s.MaximumRetryCount);
        Assert.Equal(0.5, s.RetryIntervalSec);
        Assert.Equal(DqcSettings.DefaultTimeoutSec, s.TimeoutSec);
        Assert.Equal(20, s.RateLimitCount);
        Assert.Equal(2, s.RateLimitPeriodSec);
        Assert.Contains(problems, p => p.StartsWith("DQC_TIMEOUT_SEC='abc' is ignored"));
    }

    [Theory]
    [InlineData("https://dayu.ap-southeast-1.myhuaweicloud.com", "", false)]
    [InlineData("https://dayu.ap-southeast-1.myhuaweicloud.com", "myhuaweicloud.com", true)]
    [InlineData("https://dayu.ap-southeast-1.myhuaweicloud.com", ".myhuaweicloud.com", true)]
    [InlineData("https://dayu.ap-southeast-1.myhuaweicloud.com", "*.myhuaweicloud.com", true)]
    [InlineData("https://notmyhuaweicloud.com", "myhuaweicloud.com", false)]
    [InlineData("https://dayu.example.com:8443", "example.com:443", false)]
    [InlineData("https://dayu.example.com:8443", "example.com:8443", true)]
    [InlineData("https://dayu.example.com", "*", true)]
    [InlineData("http://127.0.0.1:5000", "", true)]
    public void No_proxy_follows_curl(string destination, string noProxy, bool bypassed)
    {
        var env = new Dictionary<string, string?> { ["HTTPS_PROXY"] = "http://user:p%40ss@proxy.local:3128", ["HTTP_PROXY"] = "proxy.local:3128", ["NO_PROXY"] = noProxy };
        var proxy = EnvironmentProxy.FromEnvironment(n => env.TryGetValue(n, out var v) ? v : null)!;
        Assert.Equal(bypassed, proxy.IsBypassed(new Uri(destination)));
        Assert.Equal(new Uri("http://proxy.local:3128/"), proxy.HttpsProxy);
        var credential = Assert.IsType<NetworkCredential>(proxy.Credentials);
        Assert.Equal("user", credential.UserName);
        Assert.Equal("p@ss", credential.Password);
    }

    [Fact]
    public void No_proxy_variable_means_no_environment_proxy()
    {
        Assert.Null(EnvironmentProxy.FromEnvironment(_ => null));
    }

    [Theory]
    [InlineData("http://dqc.example.com", false, true)]
    [InlineData("http://dqc.example.com", true, false)]
    [InlineData("http://127.0.0.1:5000", false, false)]
    [InlineData("http://localhost:5000", false, false)]
    [InlineData("https://dqc.example.com", false, false)]
    public void Credentials_are_refused_over_plain_http_to_another_host(string endpoint, bool allow, bool refused)
    {
        DqcConnection Make() => new(new DqcConnectRequest
        {
            Endpoint = new Uri(endpoint), ProjectId = Fixtures.ProjectId, WorkspaceId = Fixtures.WorkspaceId, AllowUnencryptedAuthentication = allow,
        }, new TokenAuthenticator(SecretText.Protect(Fixtures.Token)));
        if (refused) Assert.Throws<DqcUnencryptedAuthenticationException>(Make);
        else Make().Dispose();
    }
}

public class ClientRetryTests
{
    private static DqcConnection Connection(HttpMessageHandler handler, int retries = 3) =>
        new(new DqcConnectRequest
        {
            Endpoint = new Uri("https://dayu.ap-southeast-1.myhuaweicloud.com"), ProjectId = Fixtures.ProjectId, WorkspaceId = Fixtures.WorkspaceId,
            Settings = new DqcSettings { MaximumRetryCount = retries, RetryIntervalSec = 0 },
            // Its own limiter: a 429 pause here must not hold back the other tests' connections of the same fake user.
            OwnRateLimiter = new RateLimiter(DqcSettings.DefaultRateLimitCount, TimeSpan.FromSeconds(DqcSettings.DefaultRateLimitPeriodSec)),
        }, new TokenAuthenticator(SecretText.Protect(Fixtures.Token)), handler);

    [Fact]
    public async Task A_503_then_200_is_one_rerun_with_one_verbose_line_per_call()
    {
        int calls = 0;
        var handler = new RecordingHandler(_ => ++calls == 1
            ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("<html><title>503</title></html>") }
            : RecordingHandler.Json(HttpStatusCode.OK, "{\"instance_id\":\"1440770000000000001\"}"));
        var log = new ListLog();
        var id = await new DqcClient(Connection(handler), log).RestartJobAsync(DqcRuleType.Quality, "1", CancellationToken.None);
        Assert.Equal("1440770000000000001", id);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Collection(log.Lines,
            l => Assert.Matches(@"POST /v2/\w+/quality/instances/restart -> 503 .* \(attempt 1\); retry 1 of 3 in 0\.0 s", l),
            l => Assert.Matches(@"-> 200 OK in \d+ ms \(attempt 2\)", l));
    }

    [Fact]
    public async Task A_broken_connection_is_retried_for_a_GET_but_not_for_a_POST()
    {
        int calls = 0;
        var handler = new RecordingHandler(_ => ++calls == 1
            ? throw new HttpRequestException("Error while copying content to a stream.", new IOException("Connection reset by peer"))
            : RecordingHandler.Json(HttpStatusCode.OK, "{}"));
        var client = new DqcClient(Connection(handler));
        await client.SendRawAsync(HttpMethod.Get, client.Connection.QualityUri("instances"), null, CancellationToken.None);
        Assert.Equal(2, handler.Requests.Count);

        calls = 0;
        handler.Requests.Clear();
        var ex = await Assert.ThrowsAsync<DqcTransportException>(() => client.RestartJobAsync(DqcRuleType.Quality, "1", CancellationToken.None));
        Assert.True(ex.MayHaveReachedServer);
        Assert.Equal(1, ex.Attempts);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_for_a_POST_because_nothing_was_sent()
    {
        var handler = new RecordingHandler(_ => throw new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused)));
        var ex = await Assert.ThrowsAsync<DqcTransportException>(() =>
            new DqcClient(Connection(handler, retries: 2)).RestartJobAsync(DqcRuleType.Quality, "1", CancellationToken.None));
        Assert.False(ex.MayHaveReachedServer);
        Assert.Equal(3, ex.Attempts);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task A_500_to_a_POST_is_not_retried()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json(HttpStatusCode.InternalServerError, "{\"error_code\":\"DQC.0500\",\"error_msg\":\"boom\"}"));
        var ex = await Assert.ThrowsAsync<DqcApiException>(() => new DqcClient(Connection(handler)).RestartJobAsync(DqcRuleType.Quality, "1", CancellationToken.None));
        Assert.Single(handler.Requests);
        Assert.Contains("may have been carried out", ex.RetryNote);
    }
}

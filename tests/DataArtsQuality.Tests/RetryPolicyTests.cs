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
    public void Transport_failures_are_retried_for_reads_and_for_requests_never_sent(string method, object failure,
        bool retried) // object: the enum is internal
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
        var seconds = Policy()
            .ForResponse(HttpMethod.Post, (HttpStatusCode)429, new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)),
                1, Now);
        Assert.True(seconds.Retry);
        Assert.Equal(TimeSpan.FromSeconds(7), seconds.Delay);
        var date = Policy()
            .ForResponse(HttpMethod.Post, (HttpStatusCode)503, new RetryConditionHeaderValue(Now.AddSeconds(12)), 1,
                Now);
        Assert.Equal(TimeSpan.FromSeconds(12), date.Delay);
        var past = Policy()
            .ForResponse(HttpMethod.Post, (HttpStatusCode)503, new RetryConditionHeaderValue(Now.AddSeconds(-5)), 1,
                Now);
        Assert.Equal(TimeSpan.Zero, past.Delay);
        var tooLong = Policy()
            .ForResponse(HttpMethod.Post, (HttpStatusCode)429, new RetryConditionHeaderValue(TimeSpan.FromHours(1)), 1,
                Now);
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

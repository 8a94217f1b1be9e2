using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using DataArtsQuality.Client;
using DataArtsQuality.Commands;
using Xunit;

namespace DataArtsQuality.Tests;

/// <summary>
/// Each decision of <see cref="RetryPolicy"/> says why as a <see cref="RetryReason"/>, and the error record goes by it.
/// </summary>
public class RetryReasonTests
{
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static RetryPolicy Policy(int retries = 3) => new(
        new DqcSettings { MaximumRetryCount = retries, RetryIntervalSec = 1, MaximumRetryAfterSec = 60 }, () => 0.5);

    [Theory]
    [InlineData("GET", 503, 1, 3, "Backoff")]
    [InlineData("POST", 504, 1, 3, "MayHaveBeenCarriedOut")]
    [InlineData("GET", 500, 1, 3, "MayHaveBeenCarriedOut")]
    [InlineData("GET", 404, 1, 3, "StatusNotRetried")]
    [InlineData("GET", 503, 1, 0, "RetriesOff")]
    [InlineData("GET", 503, 4, 3, "GaveUp")]
    public void A_response_decision_names_its_reason(string method, int status, int attempt, int retries, string why)
    {
        var decision = Policy(retries).ForResponse(new HttpMethod(method), (HttpStatusCode)status, null, attempt, Now);
        Assert.Equal(Enum.Parse<RetryReason>(why), decision.Why);
        Assert.Equal(decision.Why == RetryReason.Backoff, decision.Retry);
    }

    [Fact]
    public void A_retry_after_is_waited_for_or_is_the_reason_nothing_was_retried()
    {
        var waited = Policy().ForResponse(HttpMethod.Post, (HttpStatusCode)429,
            new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)), 1, Now);
        Assert.Equal(RetryReason.RetryAfter, waited.Why);
        Assert.True(waited.Retry);
        Assert.False(waited.ExplainsTheError);

        var tooLong = Policy().ForResponse(HttpMethod.Post, (HttpStatusCode)429,
            new RetryConditionHeaderValue(TimeSpan.FromHours(1)), 1, Now);
        Assert.Equal(RetryReason.RetryAfterTooLong, tooLong.Why);
        Assert.False(tooLong.Retry);
        Assert.True(tooLong.ExplainsTheError);
    }

    [Fact]
    public void A_failure_decision_names_its_reason()
    {
        var policy = Policy();
        RetryReason Why(HttpMethod method, TransportFailure failure, int attempt = 1, bool repeatSafe = false) =>
            policy.ForFailure(method, failure, attempt, repeatSafe).Why;
        Assert.Equal(RetryReason.TlsFailure, Why(HttpMethod.Get, TransportFailure.Tls));
        Assert.Equal(RetryReason.MayHaveReachedService, Why(HttpMethod.Post, TransportFailure.MaybeSent));
        Assert.Equal(RetryReason.MayHaveReachedService, Why(HttpMethod.Post, TransportFailure.TimedOut));
        Assert.Equal(RetryReason.Backoff, Why(HttpMethod.Post, TransportFailure.NotSent));
        Assert.Equal(RetryReason.Backoff, Why(HttpMethod.Post, TransportFailure.MaybeSent, repeatSafe: true));
        Assert.Equal(RetryReason.GaveUp, Why(HttpMethod.Get, TransportFailure.MaybeSent, attempt: 4));
    }

    [Fact]
    public void The_error_record_goes_by_the_reason_not_by_its_wording()
    {
        var api = new DqcApiException("GET /x answered 429", (HttpStatusCode)429, null, null, null, "GET", "/x", null);
        // Worded like the Retry-After reason, but another reason: stays out of the message.
        api.RetryDecision = RetryDecision.Stop(RetryReason.GaveUp, "the service asked to wait 1 s");
        Assert.DoesNotContain("asked to wait", ErrorRecords.From(api, "Could not list", null).ErrorDetails.Message);
        // The Retry-After reason, in any words: in the message.
        api.RetryDecision = RetryDecision.Stop(RetryReason.RetryAfterTooLong, "wait 3600 s, more than allowed");
        Assert.EndsWith("; wait 3600 s, more than allowed.",
            ErrorRecords.From(api, "Could not list", null).ErrorDetails.Message);
        Assert.Equal("wait 3600 s, more than allowed", api.RetryNote);
    }
}

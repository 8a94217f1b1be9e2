using System.Management.Automation;
using System.Net;
using DataArtsQuality.Client;
using DataArtsQuality.Client.Iam;
using DataArtsQuality.Commands;
using DataArtsQuality.Models;
using Xunit;

namespace DataArtsQuality.Tests;

/// <summary>The one error model: every module exception is a DqcException, and one mapping turns it into an
/// ErrorRecord.</summary>
public class ErrorModelTests
{
    private static readonly Uri Plain = new("http://dqc.example.com/");

    /// <summary>One instance of every module exception, with the error ID and category it must map to.</summary>
    public static TheoryData<DqcException, string, ErrorCategory> Samples() => new()
    {
        { Api(HttpStatusCode.BadRequest), "DqcBadRequest", ErrorCategory.InvalidArgument },
        { Api(HttpStatusCode.Unauthorized), "DqcAuthenticationFailed", ErrorCategory.AuthenticationError },
        { Api(HttpStatusCode.Forbidden), "DqcPermissionDenied", ErrorCategory.PermissionDenied },
        { Api(HttpStatusCode.NotFound), "DqcNotFound", ErrorCategory.ObjectNotFound },
        { Api(HttpStatusCode.NotAcceptable), "DqcNotAcceptable", ErrorCategory.InvalidOperation },
        { Api(HttpStatusCode.Conflict), "DqcConflict", ErrorCategory.ResourceExists },
        { Api((HttpStatusCode)429), "DqcThrottled", ErrorCategory.LimitsExceeded },
        { Api(HttpStatusCode.InternalServerError), "DqcServiceError", ErrorCategory.ConnectionError },
        { Api(HttpStatusCode.ServiceUnavailable), "DqcServiceError", ErrorCategory.ConnectionError },
        { Api((HttpStatusCode)418), "DqcApiError", ErrorCategory.NotSpecified },
        { Transport(timedOut: false), "DqcConnectionFailed", ErrorCategory.ConnectionError },
        { Transport(timedOut: true), "DqcTimeout", ErrorCategory.OperationTimeout },
        { new DqcResponseFormatException("The body is not JSON."), "DqcInvalidResponse", ErrorCategory.InvalidResult },
        { new DqcWorkspaceNotFoundException("No workspace named 'x'."), "DqcWorkspaceNotFound",
            ErrorCategory.ObjectNotFound },
        { new DqcCredentialNotFoundException("No credential."), "DqcCredentialNotFound",
            ErrorCategory.AuthenticationError },
        { new DqcProjectResolutionException("No project named 'x'."), "DqcProjectNotFound",
            ErrorCategory.ObjectNotFound },
        { new DqcUnencryptedAuthenticationException(Plain), "DqcInvalidConnectionParameter",
            ErrorCategory.InvalidArgument },
        { new DqcResourceFailedException("The template does not exist.", new DqcResourceStatus()),
            "DqcResourceTaskFailed", ErrorCategory.InvalidResult },
        { new DqcResourceTimeoutException("The task was still RUNNING after 1 s."), "DqcResourceTaskTimeout",
            ErrorCategory.OperationTimeout },
        { new DqcIdException(DqcIds.Problem.Empty, "rule ID", ""), "DqcIdEmpty", ErrorCategory.InvalidArgument },
        { new DqcIdException(DqcIds.Problem.NotNumeric, "rule ID", "x"), "DqcIdNotNumeric",
            ErrorCategory.InvalidArgument },
        { new DqcIdException(DqcIds.Problem.NotPositive, "rule ID", "-5"), "DqcIdNotPositive",
            ErrorCategory.InvalidArgument },
        { new DqcIdException(DqcIds.Problem.OutOfRange, "rule ID", "9223372036854775808"), "DqcIdOutOfRange",
            ErrorCategory.InvalidArgument },
        { new DqcIdException(DqcIds.Problem.LostPrecision, "rule ID", "1.44076417223239E+18"), "DqcIdLostPrecision",
            ErrorCategory.InvalidArgument },
    };

    private static DqcApiException Api(HttpStatusCode status, string? body = null)
        => new($"HTTP {(int)status}", status, "DQC.0400", "bad", "req-1", "POST", "/v2/p/quality/instances/restart",
            body);

    private static DqcTransportException Transport(bool timedOut, bool reached = false)
        => new("no answer", "GET", "/v2/p/quality/quality-tasks", reached, timedOut, null);

    [Fact]
    public void Every_exception_type_of_the_module_derives_from_DqcException()
    {
        var exceptionTypes = typeof(DqcException).Assembly.GetTypes()
            .Where(t => typeof(Exception).IsAssignableFrom(t) && t != typeof(DqcException))
            .ToList();
        Assert.True(exceptionTypes.Count >= 10, $"found only {exceptionTypes.Count} exception types");
        Assert.All(exceptionTypes,
            t => Assert.True(typeof(DqcException).IsAssignableFrom(t),
                $"{t.FullName} does not derive from DqcException"));
    }

    [Fact]
    public void Every_concrete_module_exception_has_a_sample_here()
    {
        var sampled = Samples().Select(row => row[0].GetType()).ToHashSet();
        var concrete = typeof(DqcException).Assembly.GetTypes()
            .Where(t => typeof(DqcException).IsAssignableFrom(t) && !t.IsAbstract);
        Assert.All(concrete, t => Assert.Contains(t, sampled));
    }

    [Fact]
    public void Every_category_names_a_PowerShell_ErrorCategory()
    {
        foreach (DqcErrorCategory category in Enum.GetValues(typeof(DqcErrorCategory)))
        {
            Assert.True(Enum.IsDefined(typeof(ErrorCategory), category.ToString()),
                $"{category} is not an ErrorCategory");
            Assert.Equal(category.ToString(), ErrorRecords.ToCategory(category).ToString());
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_mapping_takes_ID_category_and_action_from_the_exception(DqcException ex, string errorId,
        ErrorCategory category)
    {
        Assert.Equal(errorId, ex.ErrorId);
        var record = ErrorRecords.From(ex, "Could not do it", "1440764172232392705");
        Assert.Equal(errorId, record.FullyQualifiedErrorId);
        Assert.Equal(category, record.CategoryInfo.Category);
        Assert.Same(ex, record.Exception);
        Assert.Equal("1440764172232392705", record.TargetObject);
        Assert.Equal("Could not do it: " + ex.Message, record.ErrorDetails.Message);
        Assert.Equal(ex.RecommendedAction ?? "", record.ErrorDetails.RecommendedAction ?? "");
    }

    [Fact]
    public void Without_a_pipeline_target_the_exception_names_its_own()
    {
        Assert.Equal(Plain,
            ErrorRecords.From(new DqcUnencryptedAuthenticationException(Plain), "Cannot connect", null).TargetObject);
        Assert.Equal("-5",
            ErrorRecords.From(new DqcIdException(DqcIds.Problem.NotPositive, "job ID", "-5"), "x", null).TargetObject);
        Assert.Null(ErrorRecords.From(Api(HttpStatusCode.NotFound), "x", null).TargetObject);
    }

    [Fact]
    public void Other_exceptions_get_one_fixed_ID_each()
    {
        var argument = ErrorRecords.From(new ArgumentException("The dimension 'x' is unknown."), "Could not list",
            null);
        Assert.Equal("DqcInvalidArgument", argument.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, argument.CategoryInfo.Category);
        var other = ErrorRecords.From(new IOException("disk full"), "Could not export", "a.json");
        Assert.Equal("DqcUnexpectedError", other.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.NotSpecified, other.CategoryInfo.Category);
        Assert.True(string.IsNullOrEmpty(other.ErrorDetails.RecommendedAction));
        Assert.True(ErrorRecords.IsReported(new ArgumentException("x")));
        Assert.True(ErrorRecords.IsReported(Api(HttpStatusCode.NotFound)));
        Assert.False(ErrorRecords.IsReported(new IOException("x")));
    }

    [Fact]
    public void Retries_and_the_reason_nothing_was_retried_are_in_the_message()
    {
        var api = Api(HttpStatusCode.ServiceUnavailable);
        api.Attempts = 3;
        Assert.EndsWith("(gave up after 3 attempts)",
            ErrorRecords.From(api, "Could not list", null).ErrorDetails.Message);

        var throttled = Api((HttpStatusCode)429);
        throttled.RetryDecision = RetryDecision.Stop(RetryReason.RetryAfterTooLong,
            "the service asked to wait 3600 s (Retry-After), more than MaximumRetryAfterSec");
        string message = ErrorRecords.From(throttled, "Could not list", null).ErrorDetails.Message;
        Assert.EndsWith("; " + throttled.RetryNote + ".", message);

        var transport = Transport(timedOut: false);
        transport.RetryDecision = RetryDecision.Stop(RetryReason.MayHaveReachedService,
            "not retried: the POST may have reached the service");
        Assert.Equal("Could not list: no answer",
            ErrorRecords.From(transport, "Could not list", null).ErrorDetails.Message);
    }

    [Fact]
    public void Recommended_actions_for_throttling_and_untrusted_certificates()
    {
        Assert.Contains("-ThrottleLimit",
            ErrorRecords.From(Api((HttpStatusCode)429), "x", null).ErrorDetails.RecommendedAction);
        var tls = Transport(timedOut: false);
        tls.IsTlsFailure = true;
        Assert.Contains("-SkipCertificateCheck", ErrorRecords.From(tls, "x", null).ErrorDetails.RecommendedAction);
        Assert.True(
            string.IsNullOrEmpty(
                ErrorRecords.From(Api(HttpStatusCode.NotFound), "x", null).ErrorDetails.RecommendedAction));
    }

    [Theory]
    [InlineData(500, true)]
    [InlineData(504, true)]
    [InlineData(503, false)]
    [InlineData(429, false)]
    [InlineData(400, false)]
    public void An_answer_may_have_been_processed_only_when_the_service_may_have_acted(int status, bool expected)
        => Assert.Equal(expected, Api((HttpStatusCode)status).MayHaveBeenProcessed);

    [Fact]
    public void A_transport_failure_may_have_been_processed_when_it_may_have_reached_the_server()
    {
        Assert.True(Transport(timedOut: true, reached: true).MayHaveBeenProcessed);
        Assert.False(Transport(timedOut: false, reached: false).MayHaveBeenProcessed);
        Assert.False(new DqcResponseFormatException("x").MayHaveBeenProcessed);
    }

    [Fact]
    public void The_response_body_stays_out_of_the_error_message()
    {
        const string secret = "MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQC";
        var record = ErrorRecords.From(Api(HttpStatusCode.Unauthorized, "{\"token\":\"" + secret + "\"}"),
            "Cannot connect", null);
        Assert.DoesNotContain(secret, record.ErrorDetails.Message);
        Assert.DoesNotContain(secret, record.ToString());
    }

    [Theory]
    [InlineData("", "DqcIdEmpty", "The rule ID is empty.")]
    [InlineData("job-7", "DqcIdNotNumeric", "The rule ID 'job-7' is not a valid ID")]
    [InlineData("-5", "DqcIdNotPositive", "The rule ID '-5' is not a valid ID: IDs are positive.")]
    [InlineData("9223372036854775808", "DqcIdOutOfRange", "The rule ID '9223372036854775808' is not a valid ID")]
    [InlineData("1.44076417223239E+18", "DqcIdLostPrecision",
        "The rule ID '1.44076417223239E+18' arrived as a floating-point number")]
    public void The_ID_check_names_the_noun_and_gives_one_ID_per_problem(string input, string errorId, string start)
    {
        var record = ErrorRecords.IdRefusal(new DqcId(input), "rule ID", out _);
        Assert.NotNull(record);
        Assert.Equal(errorId, record!.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, record.CategoryInfo.Category);
        Assert.StartsWith(start, record.ErrorDetails.Message);
        Assert.IsType<DqcIdException>(record.Exception);

        // The core refuses the same input with the same error ID.
        var thrown = Assert.Throws<DqcIdException>(() => DqcIds.Require(input, "rule ID"));
        Assert.Equal(errorId, thrown.ErrorId);
        Assert.Equal(record.ErrorDetails.Message, thrown.Message);
    }

    [Fact]
    public void The_ID_check_passes_a_usable_ID_and_targets_the_input_or_the_given_target()
    {
        Assert.Null(ErrorRecords.IdRefusal(new DqcId(" 1440764172232392705 "), "instance ID", out string id));
        Assert.Equal("1440764172232392705", id);
        Assert.Equal("x", ErrorRecords.IdRefusal(new DqcId("x"), "category ID", out _)!.TargetObject);
        Assert.Equal("my template",
            ErrorRecords.IdRefusal(new DqcId("x"), "category ID", out _, "my template")!.TargetObject);
        Assert.Equal("DqcIdEmpty", ErrorRecords.IdRefusal(null, "instance ID", out _)!.FullyQualifiedErrorId);
    }

    [Fact]
    public async Task The_client_refuses_a_bad_ID_with_the_same_error_before_any_request()
    {
        int sent = 0;
        var handler = new RecordingHandler(_ => { sent++; return new HttpResponseMessage(HttpStatusCode.OK); });
        var client = new DqcClient(Fixtures.Connection(handler));
        var ex = await Assert.ThrowsAsync<DqcIdException>(
            () => client.RestartJobAsync(DqcRuleType.Quality, "job-7", CancellationToken.None));
        Assert.Equal("DqcIdNotNumeric", ex.ErrorId);
        Assert.StartsWith("The rule ID 'job-7'", ex.Message);
        Assert.Throws<DqcIdException>(() => client.ListInstanceResults("-1"));
        Assert.Equal(0, sent);
    }
}

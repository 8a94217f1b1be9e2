using System.Net;
using System.Net.Http;
using System.Text;
using DataArtsQuality.Client;
using DataArtsQuality.Models;
using Xunit;

namespace DataArtsQuality.Tests;

public class ClientTests
{
    [Fact]
    public async Task Restart_posts_the_body_with_workspace_and_token_headers()
    {
        var handler = new RecordingHandler(
            _ => RecordingHandler.Json(HttpStatusCode.OK, "{\"instance_id\":\"1440770000000000001\"}"));
        var client = new DqcClient(Fixtures.Connection(handler));

        string instance = await client.RestartJobAsync(DqcRuleType.Comparison, "1283480044387540993",
            CancellationToken.None);

        Assert.Equal("1440770000000000001", instance);
        var (request, body) = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://dayu.ap-southeast-1.myhuaweicloud.com/v2/0833a5737480d53b2f25c010dc1a7b88" +
            "/quality/instances/restart", request.RequestUri!.AbsoluteUri);
        Assert.Equal("{\"rule_type\":2,\"rule_id\":\"1283480044387540993\"}", body);
        Assert.Equal(Fixtures.WorkspaceId, request.Headers.GetValues("workspace").Single());
        Assert.Equal(Fixtures.Token, request.Headers.GetValues("X-Auth-Token").Single());
    }

    [Fact]
    public async Task A_dqc_error_body_becomes_a_typed_exception()
    {
        var handler = new RecordingHandler(
            _ => RecordingHandler.Json(HttpStatusCode.BadRequest,
                "{\"error_code\":\"DQC.4004\",\"error_msg\":\"The job does not exist.\"}"));
        var client = new DqcClient(Fixtures.Connection(handler));

        var ex = await Assert.ThrowsAsync<DqcApiException>(
            () => client.RestartJobAsync(DqcRuleType.Quality, "1", CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal("DQC.4004", ex.ErrorCode);
        Assert.Equal("The job does not exist.", ex.ErrorMessage);
        Assert.Null(ex.RequestId);
        Assert.Equal("DQC.4004: The job does not exist. (HTTP 400 Bad Request)", ex.Message);
    }

    [Fact]
    public async Task A_gateway_401_carries_its_request_id()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json(HttpStatusCode.Unauthorized,
            "{\"error_code\":\"APIG.0301\",\"error_msg\":\"Incorrect IAM authentication information: decrypt token fail\"," +
            "\"request_id\":\"0f1e2d3c\"}"));
        var ex = await Assert.ThrowsAsync<DqcApiException>(
            () => new DqcClient(Fixtures.Connection(handler)).RestartJobAsync(DqcRuleType.Quality, "1",
                CancellationToken.None));
        Assert.Equal("APIG.0301", ex.ErrorCode);
        Assert.Equal("0f1e2d3c", ex.RequestId);
        Assert.Contains("request ID 0f1e2d3c", ex.Message);
    }

    [Fact]
    public async Task An_html_502_from_a_gateway_gives_a_readable_error_not_a_parse_error()
    {
        const string html = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";
        var handler = new RecordingHandler(_ =>
        {
            var r = new HttpResponseMessage(HttpStatusCode.BadGateway)
                { Content = new StringContent(html, Encoding.UTF8, "text/html") };
            r.Headers.Add("X-Request-Id", "req-42");
            return r;
        });

        var ex = await Assert.ThrowsAsync<DqcApiException>(
            () => new DqcClient(Fixtures.Connection(handler)).RestartJobAsync(DqcRuleType.Quality, "1",
                CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
        Assert.Null(ex.ErrorCode);
        Assert.Equal("req-42", ex.RequestId);
        Assert.Contains("HTTP 502", ex.Message);
        Assert.Contains("not a DQC error (text/html): 502 Bad Gateway", ex.Message);
        Assert.DoesNotContain("<", ex.Message);
        Assert.Equal(html, ex.ResponseBody);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"unexpected\":true}")]
    [InlineData("{not json")]
    public async Task Odd_error_bodies_still_name_the_status(string body)
    {
        var handler = new RecordingHandler(
            _ => new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = new StringContent(body) });
        var ex = await Assert.ThrowsAsync<DqcApiException>(
            () => new DqcClient(Fixtures.Connection(handler)).RestartJobAsync(DqcRuleType.Quality, "1",
                CancellationToken.None));
        Assert.Contains("HTTP 500", ex.Message);
        Assert.Contains("/quality/instances/restart", ex.Message);
    }

    [Fact]
    public async Task A_200_without_json_is_a_format_error()
    {
        var handler = new RecordingHandler(
            _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<html>oops</html>") });
        await Assert.ThrowsAsync<DqcResponseFormatException>(
            () => new DqcClient(Fixtures.Connection(handler)).RestartJobAsync(DqcRuleType.Quality, "1",
                CancellationToken.None));
    }

    [Fact]
    public async Task Logs_one_verbose_line_and_redacts_the_token_in_debug()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json(HttpStatusCode.OK, "{\"instance_id\":\"7\"}"));
        var log = new ListLog { IsDebugEnabled = true };
        await new DqcClient(Fixtures.Connection(handler), log)
            .RestartJobAsync(DqcRuleType.Quality, "1", CancellationToken.None);

        Assert.Single(log.Lines,
            l => l.StartsWith("VERBOSE POST /v2/0833a5737480d53b2f25c010dc1a7b88/quality/instances/restart -> 200"));
        Assert.Contains(log.Lines, l => l.Contains("X-Auth-Token: <redacted>"));
        Assert.DoesNotContain(log.Lines, l => l.Contains(Fixtures.Token));
    }

    [Fact]
    public async Task Cancellation_stops_the_call()
    {
        var handler = new RecordingHandler(
            _ => { Thread.Sleep(50); return RecordingHandler.Json(HttpStatusCode.OK, "{}"); });
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => new DqcClient(Fixtures.Connection(handler)).RestartJobAsync(DqcRuleType.Quality, "1", cts.Token));
    }

    [Fact]
    public void Redaction_covers_secret_json_fields()
    {
        string text = HttpLogFormatter.Body(
            Encoding.UTF8.GetBytes("{\"user\":{\"name\":\"ops\",\"password\":\"hunter2\"},\"secret\":\"sk\"}"));
        Assert.DoesNotContain("hunter2", text);
        Assert.DoesNotContain("\"sk\"", text);
        Assert.Contains("\"name\":\"ops\"", text);
    }
}

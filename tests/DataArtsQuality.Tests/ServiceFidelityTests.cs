using System.Net;
using System.Net.Http;
using System.Text;
using DataArtsQuality.Client;
using DataArtsQuality.Models;
using Xunit;

namespace DataArtsQuality.Tests;

/// <summary>What the SDK models and API pages define, on the wire: bodies that may be absent, verdict statuses,
/// float times, capped pages and the UpdateTemplate body.</summary>
public class ServiceFidelityTests
{
    private static HttpResponseMessage Raw(HttpStatusCode status, string body, string? contentType = null)
    {
        var response = new HttpResponseMessage(status) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        if (contentType != null) response.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return response;
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n")]
    [InlineData("OK")]
    [InlineData("<html>done</html>")]
    [InlineData("[]")]
    public async Task Calls_without_a_body_we_need_succeed_on_an_empty_or_non_JSON_2xx(string body)
    {
        var handler = new RecordingHandler(
            _ => Raw(HttpStatusCode.OK, body, body.Length > 0 && body.Trim().Length > 0 ? "text/plain" : null));
        var client = new DqcClient(Fixtures.Connection(handler));
        var ids = new[] { "1045431715138617345" };
        await client.DeleteTemplatesAsync(ids, CancellationToken.None);
        await client.DeleteJobsAsync(DqcRuleType.Quality, ids, CancellationToken.None);
        await client.DeleteJobsAsync(DqcRuleType.Comparison, ids, CancellationToken.None);
        await client.StopInstancesAsync(ids, CancellationToken.None);
        Assert.Null(await client.SetJobScheduleAsync(ids[0], start: true, CancellationToken.None));
        Assert.Null(
            await client.UpdateInstanceRecordAsync(ids[0], "checked", null, close: false, cancelRun: false,
                CancellationToken.None));
        Assert.Equal(6, handler.Requests.Count);
    }

    [Fact]
    public async Task Calls_whose_answer_is_needed_still_refuse_an_empty_2xx()
    {
        var client = new DqcClient(Fixtures.Connection(new RecordingHandler(_ => Raw(HttpStatusCode.OK, ""))));
        await Assert.ThrowsAsync<DqcResponseFormatException>(
            () => client.RestartJobAsync(DqcRuleType.Quality, "1045431715138617345", CancellationToken.None));
    }

    [Theory]
    [InlineData("SUCCESS", true)]
    [InlineData("ALARMING", true)]
    [InlineData("FAILED", true)]
    [InlineData("failed", true)]
    [InlineData("RUNNING", false)]
    [InlineData("SUSPENDING", false)]
    [InlineData("UNKNOWN", false)]
    [InlineData("PAUSED", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_a_verdict_ends_the_wait(string? status, bool final)
    {
        Assert.Equal(final, InstanceWaiter.IsTerminal(status));
    }

    private const string InstanceId = "a7bdca22f2f5430ab2cd3d2dbe2c3a22";

    private static string Workspace(int i, string time) =>
        $"{{\"id\":\"ws{i}\",\"name\":\"w{i}\",\"is_default\":0,\"create_time\":{time},\"update_time\":{time}," +
        $"\"bad_record_location_name\":\"obs://bad/{i}\",\"job_log_location_name\":\"obs://log/{i}\"}}";

    [Theory]
    [InlineData("1669132800000")]
    [InlineData("1.6691328E12")]
    [InlineData("1669132800000.0")]
    [InlineData("\"1669132800000\"")]
    public async Task Workspace_times_are_read_as_integers_or_floats(string time)
    {
        var handler = new RecordingHandler(
            _ => RecordingHandler.Json(HttpStatusCode.OK,
                $"{{\"count\":1,\"total_page\":1,\"data\":[{Workspace(1, time)}]}}"));
        var workspaces = await new DqcClient(Fixtures.Connection(handler))
            .ListWorkspacesAsync(InstanceId, CancellationToken.None);
        Assert.Equal(1669132800000, workspaces[0].CreatedAt!.Value.ToUnixTimeMilliseconds());
        Assert.Equal(1669132800000, workspaces[0].UpdatedAt!.Value.ToUnixTimeMilliseconds());
    }

    /// <summary>A service that returns at most <paramref name="cap"/> records per page, whatever limit was
    /// asked.</summary>
    private static RecordingHandler CappedWorkspaces(int total, int cap, bool withCount) => new(request =>
    {
        var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query);
        int offset = int.Parse(query["offset"]!);
        var page = Enumerable.Range(offset, Math.Max(0, Math.Min(cap, total - offset)))
            .Select(i => Workspace(i, "1669132800000"));
        string count = withCount ? $"\"count\":{total}," : "";
        return RecordingHandler.Json(HttpStatusCode.OK, $"{{{count}\"data\":[{string.Join(",", page)}]}}");
    });

    [Fact]
    public async Task The_workspace_list_is_not_cut_when_the_service_caps_pages_lower()
    {
        var handler = CappedWorkspaces(total: 5, cap: 2, withCount: true);
        var workspaces = await new DqcClient(Fixtures.Connection(handler))
            .ListWorkspacesAsync(InstanceId, CancellationToken.None);
        Assert.Equal(new[] { "ws0", "ws1", "ws2", "ws3", "ws4" }, workspaces.Select(w => w.WorkspaceId));
        Assert.Equal(3, handler.Requests.Count);   // stops at the reported count: no extra request
        Assert.Equal("obs://bad/3", workspaces[3].BadRecordLocationName);
        Assert.Equal("obs://log/3", workspaces[3].JobLogLocationName);
    }

    [Fact]
    public async Task Without_a_count_the_workspace_list_ends_at_an_empty_page()
    {
        var handler = CappedWorkspaces(total: 3, cap: 2, withCount: false);
        var workspaces = await new DqcClient(Fixtures.Connection(handler))
            .ListWorkspacesAsync(InstanceId, CancellationToken.None);
        Assert.Equal(3, workspaces.Count);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task The_category_list_is_not_cut_when_the_service_caps_pages_lower()
    {
        var roots = new[] { "{\"id\":0,\"name\":\"All\",\"type\":\"built_in\",\"pid\":\"-1\"}",
            "{\"id\":7,\"name\":\"Extra\",\"pid\":\"-1\"}", "{\"id\":9,\"name\":\"More\",\"pid\":\"-1\"}" };
        var handler = new RecordingHandler(request =>
        {
            int offset = int.Parse(System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query)["offset"]!);
            return RecordingHandler.Json(HttpStatusCode.OK, "[" + string.Join(",", roots.Skip(offset).Take(1)) + "]");
        });
        var categories = await new DqcClient(Fixtures.Connection(handler)).GetCategoriesAsync(CancellationToken.None);
        Assert.Equal(new[] { "All", "Extra", "More" }, categories.Select(c => c.Name));
        Assert.Equal(
            new[] { "?limit=100&offset=0", "?limit=100&offset=1", "?limit=100&offset=2", "?limit=100&offset=3" },
            handler.Requests.Select(r => r.Request.RequestUri!.Query));
    }

    [Fact]
    public async Task A_category_service_that_ignores_offset_does_not_loop()
    {
        var handler = new RecordingHandler(
            _ => RecordingHandler.Json(HttpStatusCode.OK, "[{\"id\":0,\"name\":\"All\",\"pid\":\"-1\"}]"));
        var categories = await new DqcClient(Fixtures.Connection(handler)).GetCategoriesAsync(CancellationToken.None);
        Assert.Single(categories);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task A_rename_sends_no_nulls_and_keeps_the_abnormal_table_template_from_the_list()
    {
        const string id = "1012384820829081601";
        var handler = new RecordingHandler(request =>
        {
            string path = request.RequestUri!.AbsolutePath;
            if (request.Method == HttpMethod.Get && path.EndsWith("/rule-templates/" + id, StringComparison.Ordinal))
                return RecordingHandler.Json(HttpStatusCode.OK,
                    "{\"id\":1012384820829081601,\"name\":\"orders_row_count\",\"category_id\":0," +
                    "\"dimension\":\"Uniqueness\",\"type\":\"Table\",\"system_template\":false," +
                    "\"sql_info\":\"select 1\",\"result_description\":\"r\",\"create_time\":1661412950486," +
                    "\"creator\":\"ei\"}");
            if (request.Method == HttpMethod.Get)
                return RecordingHandler.Json(HttpStatusCode.OK,
                    "{\"count\":2,\"resources\":[{\"id\":5,\"name\":\"orders_row_count_old\"," +
                    "\"abnormal_table_template\":\"other\"},{\"id\":1012384820829081601," +
                    "\"name\":\"orders_row_count\",\"abnormal_table_template\":\"select * from t\"}]}");
            return RecordingHandler.Json(HttpStatusCode.OK, "{\"id\":\"1012384820829081601\",\"name\":\"renamed\"}");
        });
        var result = await new DqcClient(Fixtures.Connection(handler))
            .UpdateTemplateAsync(id, new DqcTemplateDefinition { Name = "renamed" }, CancellationToken.None);
        Assert.Equal("renamed", result.Name);
        var put = handler.Requests.Single(r => r.Request.Method == HttpMethod.Put);
        Assert.DoesNotContain("null", put.Body);
        Assert.DoesNotContain("\"description\"", put.Body);
        Assert.Contains("\"abnormal_table_template\":\"select * from t\"", put.Body);
        Assert.Contains("\"directory_id\":0", put.Body);
        Assert.Contains("\"origin_name\":\"orders_row_count\"", put.Body);
        Assert.Contains("?name=orders_row_count&", handler.Requests[1].Request.RequestUri!.Query);
    }

    [Fact]
    public async Task An_update_sends_the_description_and_abnormal_SQL_the_user_gives()
    {
        var handler = new RecordingHandler(request => request.Method == HttpMethod.Get
            ? RecordingHandler.Json(HttpStatusCode.OK,
                "{\"id\":7,\"name\":\"t\",\"dimension\":\"Validity\",\"sql_info\":\"select 1\"}")
            : RecordingHandler.Json(HttpStatusCode.OK, "{\"id\":7}"));
        await new DqcClient(Fixtures.Connection(handler)).UpdateTemplateAsync("7",
            new DqcTemplateDefinition { Description = "", AbnormalTableSql = "select 2" }, CancellationToken.None);
        Assert.Equal(2, handler.Requests.Count);   // the abnormal SQL was given: no list lookup
        string body = handler.Requests[1].Body!;
        Assert.Contains("\"description\":\"\"", body);
        Assert.Contains("\"abnormal_table_template\":\"select 2\"", body);
        Assert.DoesNotContain("null", body);
    }
}

using System.Net;
using System.Text.Json;
using DataArtsQuality.Client;
using DataArtsQuality.Client.Json;
using DataArtsQuality.Client.Wire;
using DataArtsQuality.Models;
using Xunit;

namespace DataArtsQuality.Tests;

public class ListWireTests
{
    [Fact]
    public void Sub_rules_are_read_flat()
    {
        var d = JsonSerializer.Deserialize("""{"id":1012386182149165057,"sub_rules":[{"id":1012386182602149889,"sub_rule_name":"a"},{"id":1012386182631510017}]}""",
            DqcJsonContext.Default.JobDetailWire)!;
        Assert.Equal("1012386182149165057", d.Id);
        Assert.Equal(new[] { "1012386182602149889", "1012386182631510017" }, d.SubRules!.Select(r => r.Id));
        Assert.All(d.SubRules!, r => Assert.Null(r.Group));
    }

    [Fact]
    public void Sub_rules_are_read_as_an_array_of_arrays_keeping_groups()
    {
        var d = JsonSerializer.Deserialize("""{"sub_rules":[[{"id":1},{"id":2}],[{"id":3}],[]]}""",
            DqcJsonContext.Default.JobDetailWire)!;
        Assert.Equal(new[] { "1", "2", "3" }, d.SubRules!.Select(r => r.Id));
        Assert.Equal(new int?[] { 0, 0, 1 }, d.SubRules!.Select(r => r.Group));
    }

    [Fact]
    public void Null_or_missing_sub_rules_are_empty_and_a_string_is_refused()
    {
        Assert.Empty(
            JsonSerializer.Deserialize("""{"sub_rules":null}""", DqcJsonContext.Default.JobDetailWire)!.SubRules!);
        Assert.Throws<JsonException>(
            () => JsonSerializer.Deserialize("""{"sub_rules":"x"}""", DqcJsonContext.Default.JobDetailWire));
    }

    [Fact]
    public async Task Instance_rows_keep_19_digit_ids_and_read_task_type()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json(HttpStatusCode.OK,
            """{"count":1,"resources":[{"id":1012386207306600401,"name":"t-1","task_id":1012385458115825701,"task_type":"CONSISTENCY_TASK","run_status":"SUCCESS","notify_status":"NOT_TRIGGERED","start_time":1661413281000,"end_time":1661413381000}]}"""));
        var client = new DqcClient(Fixtures.Connection(handler));
        var page = await client.ListInstancesPageAsync(
            new DqcInstanceQuery { RunStatus = "success", JobType = DqcRuleType.Comparison }.ToQuery(), 0, 100,
            CancellationToken.None);
        var i = Assert.Single(page.Items);
        Assert.Equal("1012386207306600401", i.InstanceId);
        Assert.Equal("1012385458115825701", i.JobId);
        Assert.Equal(DqcRuleType.Comparison, i.RuleType);
        Assert.Equal(TimeSpan.FromSeconds(100), i.Duration);
        Assert.Contains("task_type=CONSISTENCY_TASK", handler.Requests[0].Request.RequestUri!.Query);
        Assert.Contains("run_status=SUCCESS", handler.Requests[0].Request.RequestUri!.Query);
    }

    [Fact]
    public void Result_rows_become_text_without_going_through_a_double()
    {
        using var doc = JsonDocument.Parse("""[{"Total Rows":"4","Big":1440764172232392705,"Null":null}]""");
        var row = Assert.Single(DqcClient.ReadRows(doc.RootElement));
        Assert.Equal("4", row["Total Rows"]);
        Assert.Equal("1440764172232392705", row["Big"]);
        Assert.Null(row["Null"]);
    }
}

using System.Net;
using System.Text;
using System.Text.Json;
using DataArtsQuality.Client;
using DataArtsQuality.Client.Json;
using Xunit;

namespace DataArtsQuality.Tests;

/// <summary>The tricky core bits of issue 6: batch bodies, cancel_run polarity, ms timestamps, template and import
/// bodies.</summary>
public class RestCoreTests
{
    [Fact]
    public void Batch_bodies_are_exact_numbers_in_the_two_documented_shapes()
    {
        var ids = new[] { "1283480044387540993", "1279033542491521025" };
        Assert.Equal("[1283480044387540993,1279033542491521025]", Encoding.UTF8.GetString(DqcBatchBody.BareArray(ids)));
        Assert.Equal("{\"ids\":[1283480044387540993,1279033542491521025]}",
            Encoding.UTF8.GetString(DqcBatchBody.IdsObject(ids)));
    }

    [Fact]
    public void A_batch_body_refuses_a_non_id_rather_than_sending_it()
    {
        Assert.Throws<JsonException>(() => DqcBatchBody.BareArray(new[] { "1.44076417223239E+18" }));
    }

    [Theory]
    [InlineData(false, false, "{\"detail\":\"c\",\"operator\":null,\"open\":true,\"cancel_run\":true}")]
    [InlineData(false, true, "{\"detail\":\"c\",\"operator\":null,\"open\":true,\"cancel_run\":false}")]
    [InlineData(true, true, "{\"detail\":\"c\",\"operator\":null,\"open\":false,\"cancel_run\":false}")]
    public void Cancel_run_is_sent_with_the_documented_inverted_polarity(bool close, bool cancelRun, string expected)
    {
        Assert.Equal(expected, DqcClient.InstanceRecordJson("c", null, close, cancelRun));
    }

    [Fact]
    public void Milliseconds_round_trip_through_DateTimeOffset_and_strings()
    {
        var t = DqcEpoch.FromMsText("1669132800000")!.Value;
        Assert.Equal(1669132800000, t.ToUnixTimeMilliseconds());
        Assert.Equal("1669132800000", DqcTime.ToMs(t));
        Assert.Null(DqcEpoch.FromMsText("yesterday"));
        Assert.Equal("1669132800000",
            DqcTime.ToMs(DqcTime.FromDateTime(new DateTime(2022, 11, 22, 16, 0, 0, DateTimeKind.Utc))));
        Assert.Equal("2022-11-23 00:00:00", DqcEpoch.ToV1(DateTimeOffset.FromUnixTimeMilliseconds(1669132800000)));
    }

    [Fact]
    public void A_template_write_has_every_TemplateRO_field_with_directory_id_a_number()
    {
        var body = DqcClient.BuildTemplateRequest("1045431715138617345", "old", new DqcTemplateDefinition
        {
            Name = "n", Dimension = "consistency", Sql = "select 1", CategoryId = "1012384968858652701", Publish = true,
            VersionName = "V1.1",
        });
        string json = JsonSerializer.Serialize(body, DqcJsonContext.Default.TemplateRequest);
        Assert.Equal("{\"id\":\"1045431715138617345\",\"name\":\"n\",\"directory_id\":1012384968858652701," +
            "\"dimension_id\":6,\"description\":null,\"sql_info\":\"select 1\",\"result_description\":null," +
            "\"publish\":true,\"origin_name\":\"old\",\"abnormal_table_template\":null," +
            "\"user_define_version_name\":\"V1.1\",\"version_num\":null,\"status\":1}", json);
        Assert.Throws<ArgumentException>(() => DqcClient.DimensionId("Freshness"));
    }

    [Fact]
    public void Template_ids_are_read_exactly_as_number_or_string()
    {
        var a = JsonSerializer.Deserialize("{\"id\":1012384820829081601,\"category_id\":0}",
            DqcJsonContext.Default.TemplateWire)!;
        var b = JsonSerializer.Deserialize("{\"id\":\"1045431715138617345\",\"category_id\":\"0\"}",
            DqcJsonContext.Default.TemplateWire)!;
        Assert.Equal("1012384820829081601", a.Id);
        Assert.Equal("1045431715138617345", b.Id);
        Assert.Equal("0", b.CategoryId);
    }

    [Fact]
    public void Categories_get_paths_and_accept_an_untyped_single_child()
    {
        using var doc = JsonDocument.Parse("{\"name\":\"All\",\"id\":0,\"type\":\"built_in\",\"pid\":\"-1\"," +
            "\"sub_categories\":[{\"name\":\"qwe\",\"id\":1012384968858652701,\"pid\":\"0\"," +
            "\"sub_categories\":{\"id\":1,\"name\":\"name\"}}]}");
        var root = DqcClient.ReadCategory(doc.RootElement, null, 0);
        var child = root.Children[0];
        Assert.Equal("1012384968858652701", child.Id);
        Assert.Equal("All/qwe", child.Path);
        Assert.Equal("All/qwe/name", child.Children[0].Path);
        Assert.Equal("1012384968858652701", child.Children[0].ParentId);
        Assert.Equal(2, child.Children[0].Depth);
    }

    [Fact]
    public void The_import_body_maps_values_and_upper_cases_the_strategy()
    {
        var body = DqcClient.BuildImportRequest("1500000000000000001", "QualityJob", "skip",
            new DqcImportMappings { Topics = new Dictionary<string, string> { ["old"] = "new" } });
        string json = JsonSerializer.Serialize(body, DqcJsonContext.Default.ImportRequest);
        Assert.Equal("{\"resource_id\":\"1500000000000000001\",\"type\":\"quality-task\",\"strategy\":\"SKIP\"," +
            "\"topics\":[{\"old_value\":\"old\",\"new_value\":\"new\",\"mapping_value\":\"new\"}]}", json);
    }

    [Fact]
    public void The_multipart_body_has_the_type_and_file_parts()
    {
        string text = Encoding.UTF8.GetString(
            DqcClient.MultipartBody("b", "rule-template", "a\"b.json", Encoding.UTF8.GetBytes("{}")));
        Assert.Equal("--b\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\nrule-template\r\n" +
            "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ab.json\"\r\nContent-Type: " +
            "application/octet-stream\r\n\r\n{}\r\n--b--\r\n", text);
    }

    [Fact]
    public async Task A_failed_export_carries_the_service_message()
    {
        int reads = 0;
        var handler = new RecordingHandler(_ => RecordingHandler.Json(HttpStatusCode.OK, ++reads < 2
            ? "{\"resource_id\":\"9\",\"status\":\"RUNNING\",\"file_status\":\"PREPARING\",\"action\":\"EXPORT\"}"
            : "{\"resource_id\":\"9\",\"status\":\"FAILED\",\"file_status\":\"FAILED\",\"action\":\"EXPORT\"," +
                "\"error_msg\":\"No permission on the OBS bucket.\"}"));
        var client = new DqcClient(Fixtures.Connection(handler));
        var ex = await Assert.ThrowsAsync<DqcResourceFailedException>(() =>
            client.WaitForResourceAsync("9", true, TimeSpan.Zero, TimeSpan.FromSeconds(5), null,
                CancellationToken.None));
        Assert.Contains("No permission on the OBS bucket.", ex.Message);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Trend_points_are_ordered_times_and_a_bad_timestamp_is_a_format_error()
    {
        var good = new DqcClient(Fixtures.Connection(new RecordingHandler(_ => RecordingHandler.Json(HttpStatusCode.OK,
            "{\"trends\":[{\"score\":2,\"timestamp\":\"1669219200000\"},{\"score\":1," +
            "\"timestamp\":1669132800000}]}"))));
        var points = await good.GetReportTrendAsync(new DqcReportFilter(), CancellationToken.None);
        Assert.Equal(new[] { 1669132800000L, 1669219200000L }, points.Select(p => p.Time.ToUnixTimeMilliseconds()));
        var bad = new DqcClient(Fixtures.Connection(new RecordingHandler(_ => RecordingHandler.Json(HttpStatusCode.OK,
            "{\"trends\":[{\"score\":2,\"timestamp\":\"2022-11-23\"}]}"))));
        await Assert.ThrowsAsync<DqcResponseFormatException>(
            () => bad.GetReportTrendAsync(new DqcReportFilter(), CancellationToken.None));
    }
}

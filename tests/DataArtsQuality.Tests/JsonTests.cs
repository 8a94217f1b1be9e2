using System.Text;
using System.Text.Json;
using DataArtsQuality.Client.Json;
using DataArtsQuality.Client.Wire;
using Xunit;

namespace DataArtsQuality.Tests;

public class JsonTests
{
    [Fact]
    public void Restart_request_is_exactly_the_documented_bytes()
    {
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(
            new RestartRequest { RuleType = 1, RuleId = "1440764172232392705" }, DqcJsonContext.Default.RestartRequest);
        Assert.Equal("{\"rule_type\":1,\"rule_id\":\"1440764172232392705\"}", Encoding.UTF8.GetString(body));
    }

    [Theory]
    [InlineData("{\"instance_id\":\"1440770000000000001\"}")]
    [InlineData("{\"instance_id\":1440770000000000001}")]
    public void Instance_id_is_exact_whether_string_or_number(string json)
    {
        var response = JsonSerializer.Deserialize(json, DqcJsonContext.Default.RestartResponse)!;
        Assert.Equal("1440770000000000001", response.InstanceId);
    }

    [Fact]
    public void A_rounded_id_is_an_error_not_a_silent_loss()
    {
        Assert.Throws<JsonException>(
            () => JsonSerializer.Deserialize("{\"instance_id\":1.4407700000000001E18}",
                DqcJsonContext.Default.RestartResponse));
    }

    [Fact]
    public void Long_ids_are_written_as_exact_json_numbers()
    {
        var options = new JsonSerializerOptions { Converters = { new LongIdConverter() } };
        Assert.Equal("1283480044387540993", JsonSerializer.Serialize<string?>("1283480044387540993", options));
        Assert.Throws<JsonException>(() => JsonSerializer.Serialize<string?>("12a", options));
    }

    [Fact]
    public void Error_body_reads_gateway_fields()
    {
        var error = JsonSerializer.Deserialize(
            "{\"error_code\":\"APIG.0301\",\"error_msg\":\"x\",\"request_id\":\"abc\"}",
            DqcJsonContext.Default.ErrorBody)!;
        Assert.Equal("APIG.0301", error.ErrorCode);
        Assert.Equal("abc", error.RequestId);
    }
}

using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using DataArtsQuality.Client;
using Xunit;

namespace DataArtsQuality.Tests;

/// <summary>
/// Every field of every official-SDK response model the module reads (TestData/sdk-response-fields.json, copied from
/// the Python SDK's attribute_map) must be a property of the wire type that reads it, so no field is dropped silently.
/// </summary>
public class SdkFieldCoverageTests
{
    public static IEnumerable<object[]> Models()
    {
        using var doc = JsonDocument.Parse(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "sdk-response-fields.json")));
        foreach (var model in doc.RootElement.GetProperty("models").EnumerateArray())
        {
            if (!model.TryGetProperty("wire", out var wires)) continue;
            var fields = model.GetProperty("fields").EnumerateArray().Select(f => f.GetString()!).ToArray();
            foreach (var wire in wires.EnumerateArray())
                yield return new object[] { model.GetProperty("model").GetString()!, wire.GetString()!, fields };
        }
    }

    internal static IReadOnlyList<string> Missing(Type wireType, IEnumerable<string> sdkFields)
    {
        var names = new HashSet<string>(wireType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>(inherit: true)?.Name)
            .Where(n => n != null)!, StringComparer.Ordinal);
        return sdkFields.Where(f => !names.Contains(f)).ToList();
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void The_wire_type_reads_every_field_of_the_SDK_model(string model, string wire, string[] fields)
    {
        var type = typeof(DqcClient).Assembly.GetType("DataArtsQuality.Client.Wire." + wire);
        Assert.True(type != null, $"wire type {wire} (for {model}) does not exist");
        var missing = Missing(type!, fields);
        Assert.True(missing.Count == 0, $"{wire} lacks fields of the SDK's {model}: {string.Join(", ", missing)}");
    }

    [Fact]
    public void The_list_covers_the_models_the_issue_names()
    {
        var models = Models().Select(m => (string)m[0]).ToHashSet();
        foreach (string name in new[] { "QualityTaskRuleDetailForOpenApi", "ConsistencyRuleDetailForOpenApi",
            "Workspacebody", "RuleTemplateDetailVO", "InstanceOverviewVo" })
            Assert.Contains(name, models);
    }

    private sealed class HalfWire
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
    }

    [Fact]
    public void The_check_reports_a_wire_type_that_lacks_a_field()
    {
        Assert.Equal(new[] { "name" }, Missing(typeof(HalfWire), new[] { "id", "name" }));
    }
}

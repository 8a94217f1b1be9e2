namespace DataArtsQuality.Client.Json;

/// <summary>An ID in a field the API types String: written back as a JSON string.</summary>
internal sealed class StringIdConverter : IdConverter
{
    private protected override void WriteId(Utf8JsonWriter writer, string value) => writer.WriteStringValue(value);
}

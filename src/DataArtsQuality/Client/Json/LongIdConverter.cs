namespace DataArtsQuality.Client.Json;

/// <summary>An ID in a field the API types Long: written back as its exact JSON number.</summary>
internal sealed class LongIdConverter : IdConverter
{
    private protected override void WriteId(Utf8JsonWriter writer, string value) => WriteNumber(writer, value);

    /// <summary>Writes a checked 64-bit ID as its exact JSON number (never through a double).</summary>
    internal static void WriteNumber(Utf8JsonWriter writer, string value)
    {
        if (DqcIds.Check(value, out var id) != DqcIds.Problem.None)
            throw new JsonException($"'{value}' is not a 64-bit integer ID.");
        writer.WriteRawValue(id, skipInputValidation: true);
    }
}

namespace DataArtsQuality.Client.Json;

/// <summary>
/// Reads an ID the service sends as a JSON number or a JSON string (the docs type some IDs Long, some String, and
/// their own examples mix both) into its exact decimal text, without ever going through a double. How a present
/// ID is written back depends on how the API types the field.
/// </summary>
internal abstract class IdConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => IdReader.Read(ref reader);

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null) writer.WriteNullValue();
        else WriteId(writer, value);
    }

    private protected abstract void WriteId(Utf8JsonWriter writer, string value);
}

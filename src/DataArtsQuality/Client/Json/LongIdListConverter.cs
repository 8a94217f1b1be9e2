namespace DataArtsQuality.Client.Json;

/// <summary>A list of Long IDs: read from numbers or strings, written as exact JSON numbers.</summary>
internal sealed class LongIdListConverter : JsonConverter<List<string>?>
{
    public override bool HandleNull => true;

    public override List<string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("Expected an array of IDs.");
        var list = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            list.Add(IdReader.Read(ref reader) ?? "");
        return list;
    }

    public override void Write(Utf8JsonWriter writer, List<string>? value, JsonSerializerOptions options)
    {
        if (value is null) { writer.WriteNullValue(); return; }
        writer.WriteStartArray();
        foreach (var id in value) LongIdConverter.WriteNumber(writer, id);
        writer.WriteEndArray();
    }
}

namespace DataArtsQuality.Client.Json;

/// <summary>
/// Reads <c>sub_rules</c> in either shape the API is documented with: a flat array of sub-rule objects (the docs)
/// or an array of arrays (the Python and Go SDKs, for comparison jobs). Inner arrays are flattened; each sub-rule
/// keeps the index of its inner array in <see cref="SubRuleWire.Group"/>. null reads as an empty list.
/// </summary>
internal sealed class SubRuleListConverter : JsonConverter<List<SubRuleWire>?>
{
    public override bool HandleNull => true;

    public override List<SubRuleWire>? Read(ref Utf8JsonReader reader, Type typeToConvert,
        JsonSerializerOptions options)
    {
        var list = new List<SubRuleWire>();
        if (reader.TokenType == JsonTokenType.Null) return list;
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new JsonException($"sub_rules: expected an array, got {reader.TokenType}.");
        int group = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    list.Add(ReadOne(ref reader));
                    break;
                case JsonTokenType.StartArray:
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        if (reader.TokenType == JsonTokenType.Null) continue;
                        if (reader.TokenType != JsonTokenType.StartObject)
                            throw new JsonException(
                                $"sub_rules[{group}]: expected sub-rule objects, got {reader.TokenType}.");
                        var rule = ReadOne(ref reader);
                        rule.Group = group;
                        list.Add(rule);
                    }
                    group++;
                    break;
                case JsonTokenType.Null:
                    break;
                default:
                    throw new JsonException(
                        $"sub_rules: expected sub-rule objects or arrays of them, got {reader.TokenType}.");
            }
        }
        return list;
    }

    private static SubRuleWire ReadOne(ref Utf8JsonReader reader)
        => JsonSerializer.Deserialize(ref reader, DqcJsonContext.Default.SubRuleWire)
           ?? throw new JsonException("sub_rules: a sub-rule is null.");

    public override void Write(Utf8JsonWriter writer, List<SubRuleWire>? value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var rule in value ?? new List<SubRuleWire>())
            JsonSerializer.Serialize(writer, rule, DqcJsonContext.Default.SubRuleWire);
        writer.WriteEndArray();
    }
}

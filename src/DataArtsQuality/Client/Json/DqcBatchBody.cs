namespace DataArtsQuality.Client.Json;

/// <summary>The two shapes of batch body: a bare array of numbers (jobs, instances) and {"ids":[...]}
/// (templates).</summary>
internal static class DqcBatchBody
{
    /// <summary><c>[1283480044387540993,1279033542491521025]</c></summary>
    public static byte[] BareArray(IEnumerable<string> ids)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartArray();
            foreach (var id in ids) LongIdConverter.WriteNumber(writer, id);
            writer.WriteEndArray();
        }
        return stream.ToArray();
    }

    /// <summary><c>{"ids":[1045431715138617345,1035847774756868096]}</c></summary>
    public static byte[] IdsObject(IEnumerable<string> ids)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("ids");
            writer.WriteStartArray();
            foreach (var id in ids) LongIdConverter.WriteNumber(writer, id);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return stream.ToArray();
    }
}

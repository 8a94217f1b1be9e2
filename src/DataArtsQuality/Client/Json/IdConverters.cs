using System;
using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataArtsQuality.Client.Json
{
    /// <summary>
    /// Reads an ID the service sends as a JSON number or a JSON string (the docs type some IDs Long, some String, and
    /// their own examples mix both) into its exact decimal text, without ever going through a double. Writes the ID
    /// back as a JSON number, for fields the API types Long.
    /// </summary>
    public sealed class LongIdConverter : JsonConverter<string?>
    {
        public override bool HandleNull => true;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            => IdReader.Read(ref reader);

        public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
        {
            if (value is null) { writer.WriteNullValue(); return; }
            if (DqcIds.Check(value, out var id) != DqcIds.Problem.None)
                throw new JsonException($"'{value}' is not a 64-bit integer ID.");
            writer.WriteRawValue(id, skipInputValidation: true);
        }
    }

    /// <summary>Like <see cref="LongIdConverter"/> on the way in, but writes the ID as a JSON string (fields typed String).</summary>
    public sealed class StringIdConverter : JsonConverter<string?>
    {
        public override bool HandleNull => true;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            => IdReader.Read(ref reader);

        public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
        {
            if (value is null) writer.WriteNullValue();
            else writer.WriteStringValue(value);
        }
    }

    internal static class IdReader
    {
        public static string? Read(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    return null;
                case JsonTokenType.String:
                    return reader.GetString();
                case JsonTokenType.Number:
                    // The raw token text is the exact number; only plain integers are IDs.
                    string raw = reader.HasValueSequence
                        ? Encoding.UTF8.GetString(reader.ValueSequence.ToArray())
                        : Encoding.UTF8.GetString(reader.ValueSpan.ToArray());
                    foreach (char c in raw)
                    {
                        if ((c < '0' || c > '9') && c != '-')
                            throw new JsonException($"The ID {raw} is not an integer; the service sent a rounded value.");
                    }
                    return raw;
                default:
                    throw new JsonException($"Expected an ID (number or string), got {reader.TokenType}.");
            }
        }
    }
}

using System.Buffers;

namespace DataArtsQuality.Client.Json;

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

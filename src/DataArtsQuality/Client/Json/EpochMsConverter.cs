namespace DataArtsQuality.Client.Json;

/// <summary>
/// A ms-epoch time the SDK types float (Workspacebody's create_time and update_time): read from an integer
/// (<c>1669132800000</c>), a float (<c>1.6691328E12</c>, <c>1669132800000.0</c>) or a numeric string, rounded to
/// whole milliseconds. Anything that is not a finite number in the range of a 64-bit integer is an error.
/// Written back as an integer.
/// </summary>
internal sealed class EpochMsConverter : JsonConverter<long?>
{
    public override bool HandleNull => true;

    public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out long whole)) return whole;
                if (reader.TryGetDouble(out double value)) return FromDouble(value);
                break;
            case JsonTokenType.String:
                string? text = reader.GetString();
                if (string.IsNullOrWhiteSpace(text)) return null;
                if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long parsed))
                    return parsed;
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d))
                    return FromDouble(d);
                break;
        }
        throw new JsonException($"Expected a ms-epoch time (integer or float), got {reader.TokenType}.");
    }

    private static long FromDouble(double value)
    {
        // ±2^63 as doubles; a ms epoch is nowhere near, so anything outside is garbage, not a time.
        if (double.IsNaN(value) || double.IsInfinity(value) || value >= 9.2233720368547758E18 || value < -9.2233720368547758E18)
            throw new JsonException($"The time {value.ToString("R", CultureInfo.InvariantCulture)} is not a ms epoch.");
        return (long)Math.Round(value, MidpointRounding.AwayFromZero);
    }

    public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options)
    {
        if (value is long v) writer.WriteNumberValue(v);
        else writer.WriteNullValue();
    }
}

namespace DataArtsQuality.Client.Json
{
    /// <summary>Like <see cref="LongIdConverter"/> on the way in, but writes the ID as a JSON string (fields typed String).</summary>
    internal sealed class StringIdConverter : JsonConverter<string?>
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
}

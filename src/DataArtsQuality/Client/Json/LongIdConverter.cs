namespace DataArtsQuality.Client.Json
{
    /// <summary>
    /// Reads an ID the service sends as a JSON number or a JSON string (the docs type some IDs Long, some String, and
    /// their own examples mix both) into its exact decimal text, without ever going through a double. Writes the ID
    /// back as a JSON number, for fields the API types Long.
    /// </summary>
    internal sealed class LongIdConverter : JsonConverter<string?>
    {
        public override bool HandleNull => true;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            => IdReader.Read(ref reader);

        public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
        {
            if (value is null) writer.WriteNullValue();
            else WriteNumber(writer, value);
        }

        /// <summary>Writes a checked 64-bit ID as its exact JSON number (never through a double).</summary>
        internal static void WriteNumber(Utf8JsonWriter writer, string value)
        {
            if (DqcIds.Check(value, out var id) != DqcIds.Problem.None)
                throw new JsonException($"'{value}' is not a 64-bit integer ID.");
            writer.WriteRawValue(id, skipInputValidation: true);
        }
    }
}

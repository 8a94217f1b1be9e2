using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using DataArtsQuality.Client.Wire;

namespace DataArtsQuality.Client.Json
{
    /// <summary>Source-generated serialisation for the catalog, template, job-admin, report and import/export wire types.</summary>
    [JsonSourceGenerationOptions(
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.AllowReadingFromString)]
    [JsonSerializable(typeof(TemplateWire))]
    [JsonSerializable(typeof(TemplatePageWire))]
    [JsonSerializable(typeof(TemplateRequest))]
    [JsonSerializable(typeof(ScheduleActionRequest))]
    [JsonSerializable(typeof(MessageWire))]
    [JsonSerializable(typeof(InstanceRecordRequest))]
    [JsonSerializable(typeof(DataStringWire))]
    [JsonSerializable(typeof(LegacyListWire))]
    [JsonSerializable(typeof(FullScoreWire))]
    [JsonSerializable(typeof(OverviewWire))]
    [JsonSerializable(typeof(TrendWire))]
    [JsonSerializable(typeof(ReportRulePageWire))]
    [JsonSerializable(typeof(SubRuleResultPageWire))]
    [JsonSerializable(typeof(TechScorePageWire))]
    [JsonSerializable(typeof(BusinessScorePageWire))]
    [JsonSerializable(typeof(ExportRequest))]
    [JsonSerializable(typeof(ResourceIdWire))]
    [JsonSerializable(typeof(ResourceStatusWire))]
    [JsonSerializable(typeof(UploadWire))]
    [JsonSerializable(typeof(ImportRequest))]
    [JsonSerializable(typeof(ErrorBody))]
    internal sealed partial class DqcRestJsonContext : JsonSerializerContext
    {
    }

    /// <summary>A list of Long IDs: read from numbers or strings, written as exact JSON numbers.</summary>
    public sealed class LongIdListConverter : JsonConverter<List<string>?>
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
            foreach (var id in value) WriteId(writer, id);
            writer.WriteEndArray();
        }

        internal static void WriteId(Utf8JsonWriter writer, string value)
        {
            if (DqcIds.Check(value, out var id) != DqcIds.Problem.None)
                throw new JsonException($"'{value}' is not a 64-bit integer ID.");
            writer.WriteRawValue(id, skipInputValidation: true);
        }
    }

    /// <summary>The two shapes of batch body: a bare array of numbers (jobs, instances) and {"ids":[...]} (templates).</summary>
    public static class DqcBatchBody
    {
        /// <summary><c>[1283480044387540993,1279033542491521025]</c></summary>
        public static byte[] BareArray(IEnumerable<string> ids)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartArray();
                foreach (var id in ids) LongIdListConverter.WriteId(writer, id);
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
                foreach (var id in ids) LongIdListConverter.WriteId(writer, id);
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            return stream.ToArray();
        }
    }
}

using System.Text.Json;

namespace DataArtsQuality.Emulator.Endpoints;

/// <summary>
/// Lenient readers for request fields. The docs' own examples send Long IDs as strings and String IDs as numbers
/// (docs/service-notes.md, IDs), so the emulator accepts both, exactly, never through a double.
/// </summary>
public static class JsonRead
{
    /// <summary>The parsed body; null when it is not JSON.</summary>
    public static JsonNode? Node(string body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static JsonObject? Object(string body) => Node(body) as JsonObject;

    public static string? String(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    public static bool? Bool(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<bool>(out bool b) ? b : null;

    /// <summary>
    /// An integer as its text reads (a number, or a string with one); the control endpoints' loose form.
    /// </summary>
    public static int? LooseInt(JsonNode? node) =>
        node is JsonValue v && int.TryParse(v.ToString(), out int i) ? i : null;

    public static bool TryId(JsonNode? node, out long id)
    {
        id = 0;
        if (node is not JsonValue value) return false;
        var element = value.GetValue<JsonElement>();
        return element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetInt64(out id)
                && !element.GetRawText().Contains('.')
                && !element.GetRawText().Contains('e', StringComparison.OrdinalIgnoreCase),
            JsonValueKind.String =>
                long.TryParse(element.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out id),
            _ => false,
        };
    }

    /// <summary>A JSON array of IDs (numbers or strings), exact. Null when the node is something else.</summary>
    public static List<long>? IdArray(JsonNode? node)
    {
        if (node is not JsonArray array) return null;
        var ids = new List<long>();
        foreach (var item in array)
        {
            if (!TryId(item, out long id)) return null;
            ids.Add(id);
        }
        return ids;
    }

    public static bool TryInt(JsonNode? node, out int number)
    {
        number = 0;
        if (node is not JsonValue value) return false;
        var element = value.GetValue<JsonElement>();
        return element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetInt32(out number),
            // [inf] numeric strings accepted for Integer fields, as the gateway's Java backend would coerce them.
            JsonValueKind.String =>
                int.TryParse(element.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out number),
            _ => false,
        };
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataArtsQuality.Emulator.Endpoints;

/// <summary>
/// Lenient readers for request fields. The docs' own examples send Long IDs as strings and String IDs as numbers
/// (dqc-api.md §4.2), so the emulator accepts both, exactly, never through a double.
/// </summary>
public static class JsonRead
{
    public static JsonObject? Object(string body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static bool TryId(JsonNode? node, out long id)
    {
        id = 0;
        if (node is not JsonValue value) return false;
        var element = value.GetValue<JsonElement>();
        return element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetInt64(out id) && !element.GetRawText().Contains('.') && !element.GetRawText().Contains('e', StringComparison.OrdinalIgnoreCase),
            JsonValueKind.String => long.TryParse(element.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out id),
            _ => false,
        };
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
            JsonValueKind.String => int.TryParse(element.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out number),
            _ => false,
        };
    }
}

using System.Text.Json;

namespace DataArtsQuality.Emulator.State;

/// <summary>SHIM for the Mono lane: one logged request as GET /_emulator/requests gives it; header names match in any
/// case.</summary>
public sealed class LoggedRequest
{
    public long Sequence { get; private set; }
    public string Method { get; private set; } = "";
    public string Path { get; private set; } = "";
    public string Query { get; private set; } = "";
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);
    public string Body { get; private set; } = "";
    public int Status { get; private set; }

    internal static LoggedRequest FromJson(JsonElement json)
    {
        var request = new LoggedRequest
        {
            Sequence = json.GetProperty("sequence").GetInt64(),
            Method = json.GetProperty("method").GetString() ?? "",
            Path = json.GetProperty("path").GetString() ?? "",
            Query = json.GetProperty("query").GetString() ?? "",
            Body = json.GetProperty("body").GetString() ?? "",
            Status = json.GetProperty("status").GetInt32(),
        };
        foreach (var header in json.GetProperty("headers").EnumerateObject())
            request.Headers[header.Name] = header.Value.GetString() ?? "";
        return request;
    }
}

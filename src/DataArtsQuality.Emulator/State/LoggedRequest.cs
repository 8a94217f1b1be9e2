namespace DataArtsQuality.Emulator.State;

/// <summary>One API request as the gateway received it, and the status it was answered with.</summary>
public sealed class LoggedRequest(long sequence, DateTimeOffset time, string method, string path, string query,
    Dictionary<string, string> headers, string body)
{
    public long Sequence { get; } = sequence;
    public DateTimeOffset Time { get; } = time;
    public string Method { get; } = method;
    public string Path { get; } = path;
    public string Query { get; } = query;
    public Dictionary<string, string> Headers { get; } = headers;
    public string Body { get; } = body;
    public int Status { get; set; }
}

namespace DataArtsQuality.Client;

/// <summary>A 2xx answer: its status, its body and the response headers the request asked to keep.</summary>
internal sealed class TransportAnswer
{
    private readonly Dictionary<string, string>? _headers;

    public TransportAnswer(HttpStatusCode status, byte[] body, Dictionary<string, string>? headers)
    {
        Status = status;
        Body = body;
        _headers = headers;
    }

    public HttpStatusCode Status { get; }

    public byte[] Body { get; }

    /// <summary>The first value of a kept header, or null.</summary>
    public string? Header(string name) => _headers != null && _headers.TryGetValue(name, out var v) ? v : null;
}

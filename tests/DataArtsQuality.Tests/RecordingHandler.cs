using System.Net;
using System.Net.Http;
using System.Text;

namespace DataArtsQuality.Tests;

/// <summary>An HttpMessageHandler that answers from a function and records what it was sent.</summary>
internal sealed class RecordingHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
{
    public List<(HttpRequestMessage Request, string? Body)> Requests { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        // As bytes: the IAM login's content type says charset=utf8, a name .NET's string reader does not know.
#if NETFRAMEWORK
        string? body = request.Content is null ? null : Encoding.UTF8.GetString(
            await request.Content.ReadAsByteArrayAsync());
#else
        string? body = request.Content is null ? null : Encoding.UTF8.GetString(
            await request.Content.ReadAsByteArrayAsync(cancellationToken));
#endif
        Requests.Add((request, body));
        return respond(request);
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}

using System.Net.Http;

namespace DataArtsQuality.Tests;

/// <summary>An HttpMessageHandler that answers from an asynchronous function (which sees the send's token) and counts
/// the requests it was given.</summary>
internal sealed class AsyncHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond)
    : HttpMessageHandler
{
    private int _requests;

    public int Requests => Volatile.Read(ref _requests);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        return respond(request, cancellationToken);
    }

    /// <summary>Never answers; ends only when the send's token is cancelled.</summary>
    public static AsyncHandler Silent() => new(async (_, ct) =>
    {
        await Task.Delay(Timeout.Infinite, ct);
        throw new InvalidOperationException("unreachable");
    });
}

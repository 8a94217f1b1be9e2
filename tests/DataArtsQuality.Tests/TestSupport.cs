using System.Net;
using System.Net.Http;
using System.Text;
using DataArtsQuality.Client;
using DataArtsQuality.Client.Auth;

namespace DataArtsQuality.Tests;

/// <summary>An HttpMessageHandler that answers from a function and records what it was sent.</summary>
internal sealed class RecordingHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
{
    public List<(HttpRequestMessage Request, string? Body)> Requests { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // As bytes: the IAM login's content type says charset=utf8, a name .NET's string reader does not know.
#if NETFRAMEWORK
        string? body = request.Content is null ? null : Encoding.UTF8.GetString(await request.Content.ReadAsByteArrayAsync());
#else
        string? body = request.Content is null ? null : Encoding.UTF8.GetString(await request.Content.ReadAsByteArrayAsync(cancellationToken));
#endif
        Requests.Add((request, body));
        return respond(request);
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}

internal sealed class ListLog : IDqcLog
{
    public List<string> Lines { get; } = new();
    public bool IsDebugEnabled { get; init; }
    public bool IsVerboseEnabled => true;
    public void Verbose(string message) { lock (Lines) Lines.Add("VERBOSE " + message); }
    public void Debug(string message) { lock (Lines) Lines.Add("DEBUG " + message); }
}

internal static class Fixtures
{
    public const string ProjectId = "0833a5737480d53b2f25c010dc1a7b88";
    public const string WorkspaceId = "1dd3bc4fa1d44e3b8d4ef1c2a3b4d93f";
    public const string Token = "MIItest-token-value";

    public static DqcConnection Connection(HttpMessageHandler handler, string endpoint = "https://dayu.ap-southeast-1.myhuaweicloud.com") =>
        // A limiter of its own: the tests' connections share one fake user, and the registry would make them one
        // user's requests across the whole (parallel) test run, so a 429 test or a busy class held back the others.
        new(new DqcConnectRequest { Endpoint = new Uri(endpoint), ProjectId = ProjectId, WorkspaceId = WorkspaceId,
                OwnRateLimiter = new RateLimiter(DqcSettings.DefaultRateLimitCount, TimeSpan.FromSeconds(DqcSettings.DefaultRateLimitPeriodSec)) },
            new TokenAuthenticator(SecretText.Protect(Token)), handler);
}

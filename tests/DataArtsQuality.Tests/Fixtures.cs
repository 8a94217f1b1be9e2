using System.Net.Http;
using DataArtsQuality.Client;
using DataArtsQuality.Client.Auth;

namespace DataArtsQuality.Tests;

internal static class Fixtures
{
    public const string ProjectId = "0833a5737480d53b2f25c010dc1a7b88";
    public const string WorkspaceId = "1dd3bc4fa1d44e3b8d4ef1c2a3b4d93f";
    public const string Token = "MIItest-token-value";

    public static DqcConnection Connection(HttpMessageHandler handler,
        string endpoint = "https://dayu.ap-southeast-1.myhuaweicloud.com") =>
        // A limiter of its own: the tests' connections share one fake user, and the registry would make them one
        // user's requests across the whole (parallel) test run, so a 429 test or a busy class held back the others.
        new(new DqcConnectRequest { Endpoint = new Uri(endpoint), ProjectId = ProjectId, WorkspaceId = WorkspaceId,
                OwnRateLimiter = new RateLimiter() },
            new TokenAuthenticator(SecretText.Protect(Token)), handler);
}

using System.Net;
using System.Net.Http;
using DataArtsQuality.Client;
using DataArtsQuality.Client.Auth;
using DataArtsQuality.Models;
using Xunit;

namespace DataArtsQuality.Tests;

/// <summary>What many runspaces rely on in the core: one limiter per user, leased connections, honest
/// failures.</summary>
public class ParallelSafetyTests
{
    private static DqcConnection Connection(HttpMessageHandler? handler, string token, string endpoint) =>
        new(new DqcConnectRequest
        {
            Endpoint = new Uri(endpoint), ProjectId = Fixtures.ProjectId, WorkspaceId = Fixtures.WorkspaceId,
            Settings = new DqcSettings { MaximumRetryCount = 0, RateLimitCount = 0 },
        }, new TokenAuthenticator(SecretText.Protect(token)), handler);

    [Fact]
    public void Connections_of_one_user_share_one_limiter_and_other_users_do_not()
    {
        string endpoint = "https://dayu.limiter-" + Guid.NewGuid().ToString("N").Substring(0, 8) + ".example";
        using var a = Connection(new RecordingHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)), "token-one",
            endpoint);
        using var b = Connection(new RecordingHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)), "token-one",
            endpoint);
        using var c = Connection(new RecordingHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)), "token-two",
            endpoint);
        Assert.Same(a.RateLimiter, b.RateLimiter);
        Assert.NotSame(a.RateLimiter, c.RateLimiter);

        var ak1 = new AkSkAuthenticator("AKEXAMPLE", SecretText.Protect("sk-1"));
        var ak2 = new AkSkAuthenticator("AKEXAMPLE", SecretText.Protect("sk-2-rotated"));
        Assert.Same(RateLimiterRegistry.For(new Uri(endpoint), ak1), RateLimiterRegistry.For(new Uri(endpoint), ak2));
    }

    [Fact]
    public void The_limiter_key_never_holds_the_token()
    {
        var auth = new TokenAuthenticator(SecretText.Protect("MIIsecret-token-text"));
        string identity = RateLimiterRegistry.IdentityOf(auth)!;
        Assert.DoesNotContain("MIIsecret-token-text", identity);
        Assert.DoesNotContain("secret", identity);
        Assert.StartsWith("token-sha256:", identity);
    }

    [Fact]
    public async Task Callers_with_their_own_limits_are_counted_together()
    {
        var now = TimeSpan.Zero;
        var limiter = new RateLimiter(() => now, (_, _) => Task.CompletedTask);
        // Eight callers (runspaces) with 40 per 10 s each: together no more than 40 start in the first window.
        var waits = new List<TimeSpan>();
        for (int i = 0; i < 8 * 10; i++)
            waits.Add((await limiter.ReserveAsync(40, TimeSpan.FromSeconds(10), CancellationToken.None)).Waited);
        // (paced: the first 40 within 40 * 31.25 ms)
        Assert.Equal(40, waits.Count(w => w < TimeSpan.FromSeconds(1.25)));
        Assert.All(waits.Skip(40), w => Assert.True(w >= TimeSpan.FromSeconds(10)));
        // A caller with no limit is held back only by a 429 pause.
        Assert.Equal(TimeSpan.Zero,
            (await limiter.ReserveAsync(0, TimeSpan.FromSeconds(10), CancellationToken.None)).Waited);
        limiter.Pause(TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.FromSeconds(5),
            (await limiter.ReserveAsync(0, TimeSpan.FromSeconds(10), CancellationToken.None)).Waited);
    }

    [Fact]
    public async Task A_connection_disposed_while_in_use_stays_usable_until_its_last_user_lets_go()
    {
        var handler = new RecordingHandler(
            _ => RecordingHandler.Json(HttpStatusCode.OK, "{\"instance_id\":\"1440764172232392799\"}"));
        var connection = Connection(handler, "token-lease", "https://dayu.lease.example");
        Assert.True(connection.TryAcquire());   // a cmdlet in another runspace works on it
        connection.Dispose();                   // Disconnect or a replacing Connect elsewhere
        Assert.True(connection.IsOpen);
        var client = new DqcClient(connection);
        Assert.Equal("1440764172232392799",
            await client.RestartJobAsync(DqcRuleType.Quality, "1440764172232392705", CancellationToken.None));
        connection.Release();
        Assert.False(connection.IsOpen);
        var closed = await Assert.ThrowsAsync<DqcTransportException>(
            () => client.RestartJobAsync(DqcRuleType.Quality, "1440764172232392705", CancellationToken.None));
        Assert.False(closed.MayHaveReachedServer);
        Assert.False(closed.TimedOut);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_request_cancelled_by_anything_but_its_timeout_is_not_a_timeout()
    {
        // What HttpClient does to requests in flight when it is disposed: they end as cancelled.
        var handler = new ThrowingHandler(() => new TaskCanceledException("The operation was canceled."));
        using var connection = Connection(handler, "token-cancel", "https://dayu.cancel.example");
        var failure = await Assert.ThrowsAsync<DqcTransportException>(() =>
            new DqcClient(connection).RestartJobAsync(DqcRuleType.Quality, "1440764172232392705",
                CancellationToken.None));
        Assert.False(failure.TimedOut);
        Assert.DoesNotContain("timed out", failure.Message);
        Assert.True(failure.MayHaveReachedServer);
    }

    [Fact]
    public async Task Ctrl_C_while_a_rerun_answer_is_read_is_a_cancellation_not_a_broken_connection()
    {
        // Sockets answer a read cut short by disposing the response with an IOException, as this body does.
        var body = new AbortedOnDisposeStream();
        var handler = new RecordingHandler(
            _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(body) });
        using var connection = Fixtures.Connection(handler);
        // Ctrl+C once the answer is being read, not after a fixed 200 ms: on a slow start (Mono's JIT under a loaded
        // run) that fired before the rerun was even sent. The 30 s is only there so a broken read cannot hang the run.
        using var ctrlC = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        _ = body.Reading.ContinueWith(_ => ctrlC.Cancel(), TaskScheduler.Default);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new DqcClient(connection).RestartJobAsync(DataArtsQuality.Models.DqcRuleType.Quality, "1440764172232392705",
                ctrlC.Token));
        Assert.Single(handler.Requests);
    }

    /// <summary>A body that never arrives; disposing it fails the read with an IOException.</summary>
    private sealed class AbortedOnDisposeStream : FaultyBodyStream
    {
        private readonly TaskCompletionSource<int> _read = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource<bool> _reading = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes when the first read starts.</summary>
        public Task Reading => _reading.Task;

        public override int Read(byte[] buffer, int offset, int count)
        {
            _reading.TrySetResult(true);
            return _read.Task.GetAwaiter().GetResult();
        }
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            _reading.TrySetResult(true);
            return _read.Task;
        }
#if !NETFRAMEWORK
        // .NET Framework's Stream has no Memory<byte> overload; its readers use the byte[] one above.
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _reading.TrySetResult(true);
            return new(_read.Task);
        }
#endif

        protected override void Dispose(bool disposing)
        {
            _read.TrySetException(new IOException("The operation was aborted."));
            base.Dispose(disposing);
        }
    }

    [Fact]
    public async Task A_2xx_whose_body_breaks_is_an_accepted_rerun_with_an_unknown_id()
    {
        var handler = new RecordingHandler(
            _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new BreakingStream()) });
        using var connection = Connection(handler, "token-broken", "https://dayu.broken.example");
        var failure = await Assert.ThrowsAsync<DqcResponseFormatException>(() =>
            new DqcClient(connection).RestartJobAsync(DqcRuleType.Quality, "1440764172232392705",
                CancellationToken.None));
        Assert.Contains("200", failure.Message);
    }

    private sealed class ThrowingHandler(Func<Exception> fail) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request,
            CancellationToken cancellationToken)
            => Task.FromException<HttpResponseMessage>(fail());
    }
}

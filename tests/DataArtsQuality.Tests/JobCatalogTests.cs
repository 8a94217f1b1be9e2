using System.Net;
using System.Net.Http;
using System.Text;
using DataArtsQuality.Client;
using DataArtsQuality.Models;
using Xunit;

namespace DataArtsQuality.Tests;

/// <summary>The per-connection job catalog behind Tab completion: memory, time budget, shared listings,
/// failures.</summary>
public class JobCatalogTests
{
    private const string Page = """{"count":2,"resources":[{"id":1440764172232392705,"name":"orders daily"},{"id":1283480044387540993,"name":"ledger"}]}""";

    /// <summary>Answers every request with <see cref="Page"/> (or a status), optionally only once the gate
    /// opens.</summary>
    private sealed class GatedHandler(HttpStatusCode status = HttpStatusCode.OK) : HttpMessageHandler
    {
        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public bool Gated { get; init; }
        public int Requests;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request,
            CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Requests);
            if (Gated) await Gate.Task.WaitAsync(cancellationToken);
            return new HttpResponseMessage(status)
            {
                Content = new StringContent(
                    status == HttpStatusCode.OK ? Page : """{"error_code":"DQC.0500","error_msg":"boom"}""",
                    Encoding.UTF8, "application/json")
            };
        }
    }

    [Fact]
    public void Lists_once_and_answers_from_memory_until_the_lifetime_ends()
    {
        var handler = new GatedHandler();
        var now = DateTimeOffset.UtcNow;
        var catalog = new DqcJobCatalog(Fixtures.Connection(handler), () => now);

        var first = catalog.TryGet(DqcRuleType.Quality, TimeSpan.FromSeconds(5));
        Assert.NotNull(first);
        Assert.Equal(new[] { "1440764172232392705", "1283480044387540993" }, first!.Select(j => j.Id));
        Assert.Equal("orders daily", first[0].Name);
        Assert.All(first, j => Assert.Equal(DqcRuleType.Quality, j.RuleType));
        Assert.Equal(1, handler.Requests);

        now += DqcJobCatalog.DefaultLifetime - TimeSpan.FromSeconds(1);
        Assert.Same(first, catalog.TryGet(DqcRuleType.Quality, TimeSpan.FromSeconds(5)));
        Assert.Equal(1, handler.Requests);

        now += TimeSpan.FromSeconds(2);
        Assert.NotNull(catalog.TryGet(DqcRuleType.Quality, TimeSpan.FromSeconds(5)));
        Assert.Equal(2, handler.Requests);
        Assert.Equal(2, catalog.ListingsStarted);
    }

    /// <summary>
    /// The lifetime counts from when the listing finished, even when the caller that settles it comes later: a
    /// listing that finished at T is asked for again after T + lifetime, not after (the next call) + lifetime. The
    /// first call often returns before the listing's own continuation has settled it, so this repeats the sequence to
    /// meet that order (on the code before the fix, a lifetime then counted from the second call).
    /// </summary>
    [Fact]
    public void The_lifetime_counts_from_when_the_listing_finished()
    {
        for (int i = 0; i < 300; i++)
        {
            var handler = new GatedHandler();
            var now = DateTimeOffset.UtcNow;
            var catalog = new DqcJobCatalog(Fixtures.Connection(handler), () => now);
            var first = catalog.TryGet(DqcRuleType.Quality, TimeSpan.FromSeconds(5));
            Assert.NotNull(first);

            now += DqcJobCatalog.DefaultLifetime - TimeSpan.FromSeconds(1);
            Assert.Same(first, catalog.TryGet(DqcRuleType.Quality, TimeSpan.FromSeconds(5)));

            now += TimeSpan.FromSeconds(2);
            Assert.NotSame(first, catalog.TryGet(DqcRuleType.Quality, TimeSpan.FromSeconds(5)));
            Assert.Equal(2, handler.Requests);
        }
    }

    [Fact]
    public async Task A_listing_not_done_within_the_budget_goes_on_and_serves_the_next_call()
    {
        var handler = new GatedHandler { Gated = true };
        var catalog = new DqcJobCatalog(Fixtures.Connection(handler));

        Assert.Null(catalog.TryGet(DqcRuleType.Comparison, TimeSpan.FromMilliseconds(50)));
        Assert.Null(catalog.TryGet(DqcRuleType.Comparison, TimeSpan.Zero));   // shares the listing in flight
        Assert.Equal(1, catalog.ListingsStarted);

        handler.Gate.SetResult();
        IReadOnlyList<DqcJobName>? jobs = null;
        for (int i = 0; i < 200 && jobs is null; i++)
        {
            jobs = catalog.TryGet(DqcRuleType.Comparison, TimeSpan.Zero);
            if (jobs is null) await Task.Delay(10);
        }
        Assert.NotNull(jobs);
        Assert.Equal(2, jobs!.Count);
        Assert.Equal(1, handler.Requests);
        Assert.Equal(1, catalog.ListingsStarted);
    }

    [Fact]
    public void A_failed_listing_is_one_attempt_gives_null_and_is_not_remembered()
    {
        var handler = new GatedHandler(HttpStatusCode.InternalServerError);
        var catalog = new DqcJobCatalog(Fixtures.Connection(handler));

        Assert.Null(catalog.TryGet(DqcRuleType.Quality, TimeSpan.FromSeconds(5)));
        Assert.Equal(1, handler.Requests);   // no retries, whatever the connection's settings say
        Assert.Null(catalog.TryGet(DqcRuleType.Quality, TimeSpan.FromSeconds(5)));
        Assert.Equal(2, handler.Requests);
    }

    [Fact]
    public void Each_connection_has_its_own_catalog_and_invalidate_forgets()
    {
        var handler = new GatedHandler();
        var a = Fixtures.Connection(handler);
        var b = Fixtures.Connection(handler);
        Assert.Same(DqcJobCatalog.For(a), DqcJobCatalog.For(a));
        Assert.NotSame(DqcJobCatalog.For(a), DqcJobCatalog.For(b));

        var catalog = DqcJobCatalog.For(a);
        Assert.NotNull(catalog.TryGet(DqcRuleType.Quality, TimeSpan.FromSeconds(5)));
        catalog.Invalidate();
        Assert.NotNull(catalog.TryGet(DqcRuleType.Quality, TimeSpan.FromSeconds(5)));
        Assert.Equal(2, handler.Requests);
    }

    [Fact]
    public async Task A_listing_in_flight_when_the_catalog_is_invalidated_is_not_kept()
    {
        var handler = new GatedHandler { Gated = true };
        var catalog = new DqcJobCatalog(Fixtures.Connection(handler));
        Assert.Null(catalog.TryGet(DqcRuleType.Quality, TimeSpan.Zero));   // listing starts, waits at the gate
        // e.g. Remove-DqcJob deleted a job meanwhile
        catalog.Invalidate();
        handler.Gate.SetResult();
        await Task.Delay(200);                                              // the old listing finishes
        Assert.NotNull(catalog.TryGet(DqcRuleType.Quality, TimeSpan.FromSeconds(5)));
        Assert.Equal(2, catalog.ListingsStarted);                           // asked again, not served the old list
    }
}

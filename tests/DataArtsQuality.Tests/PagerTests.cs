using System.Net;
using System.Text.Json;
using DataArtsQuality.Client;
using DataArtsQuality.Client.Json;
using DataArtsQuality.Client.Wire;
using DataArtsQuality.Models;
using Xunit;

namespace DataArtsQuality.Tests;

public class PagerTests
{
    // A list of n records served with the given cap on limit; records are their offsets.
    private static (DqcPager<long> Pager, List<(long Offset, int Limit)> Calls) Make(int n, ulong skip = 0,
        ulong? first = null,
        Func<long, bool>? filter = null, int serverCap = 100)
    {
        var calls = new List<(long, int)>();
        var pager = new DqcPager<long>((offset, limit, _) =>
        {
            calls.Add((offset, limit));
            int take = (int)Math.Max(0, Math.Min(Math.Min(limit, serverCap), n - offset));
            return Task.FromResult(new DqcPage<long>(n, Enumerable.Range(0, take).Select(i => offset + i).ToList()));
        }, skip, first, filter);
        return (pager, calls);
    }

    private static async Task<List<long>> Drain(DqcPager<long> pager)
    {
        var all = new List<long>();
        while (await pager.NextPageAsync(CancellationToken.None) is { } page) all.AddRange(page);
        return all;
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(100, 1)]
    [InlineData(101, 2)]
    [InlineData(250, 3)]
    public async Task Reads_every_record_in_pages_of_100(int n, int requests)
    {
        var (pager, calls) = Make(n);
        Assert.Equal(Enumerable.Range(0, n).Select(i => (long)i), await Drain(pager));
        Assert.Equal(requests, calls.Count);
        Assert.All(calls, c => Assert.Equal(100, c.Limit));
        Assert.True(pager.Exhausted);
    }

    [Fact]
    public async Task Skip_is_the_first_offset_and_First_shrinks_the_last_request()
    {
        var (pager, calls) = Make(250, skip: 30, first: 120);
        var got = await Drain(pager);
        Assert.Equal(Enumerable.Range(30, 120).Select(i => (long)i), got);
        Assert.Equal(new[] { (30L, 100), (130L, 20) }, calls);
        Assert.False(pager.Exhausted);
    }

    [Fact]
    public async Task A_service_that_caps_limit_lower_is_still_read_to_the_end()
    {
        var (pager, calls) = Make(120, serverCap: 50);
        Assert.Equal(120, (await Drain(pager)).Count);
        Assert.Equal(3, calls.Count);
    }

    [Fact]
    public async Task A_client_filter_counts_Skip_and_First_on_matching_records()
    {
        var (pager, calls) = Make(250, skip: 2, first: 3, filter: v => v % 10 == 0);
        Assert.Equal(new long[] { 20, 30, 40 }, await Drain(pager));
        Assert.Equal(new[] { (0L, 100) }, calls);
    }

    [Fact]
    public async Task StopCondition_ends_paging_after_the_page_that_met_it()
    {
        var (pager, calls) = Make(250);
        bool found = false;
        pager.StopCondition = () => found;
        var first = await pager.NextPageAsync(CancellationToken.None);
        found = true;
        Assert.NotNull(await pager.NextPageAsync(CancellationToken.None));
        Assert.Null(await pager.NextPageAsync(CancellationToken.None));
        Assert.Equal(2, calls.Count);
        Assert.False(pager.Exhausted);
    }

    [Fact]
    public async Task First_zero_makes_no_request_unless_the_total_is_wanted()
    {
        var (pager, calls) = Make(250, first: 0);
        Assert.Null(await pager.NextPageAsync(CancellationToken.None));
        Assert.Empty(calls);
        var (counted, countedCalls) = Make(250, first: 0);
        Assert.Empty((await counted.NextPageAsync(CancellationToken.None, forceRequest: true))!);
        Assert.Equal(250, counted.TotalCount);
        Assert.Single(countedCalls);
    }
}

using System.Diagnostics;
using System.Text.Json;
using DataArtsQuality.Client;
using DataArtsQuality.Client.RateLimit;

/// <summary>
/// What the shared rate limit costs a request: a slot taken and settled (the two changes every request makes) with the
/// state file, against the same in memory only. A limit far above the calls made, so nothing waits. Prints one JSON line.
/// </summary>
internal static class SharedLimiterCost
{
    private static TimeSpan _now = TimeSpan.FromDays(1);

    public static void Run(int calls)
    {
        string folder = Path.Combine(Path.GetTempPath(), "dqc-rate-cost-" + Guid.NewGuid().ToString("N"));
        try
        {
            var period = TimeSpan.FromSeconds(10);
            var shared = new RateLimiter(() => _now, (_, _) => Task.CompletedTask, new SharedRateFile(Path.Combine(folder, "v1-cost.rate")), () => _now);
            var local = new RateLimiter(() => _now, (_, _) => Task.CompletedTask);
            double sharedUs = Measure(shared, period, calls, share: true);
            double localUs = Measure(local, period, calls, share: false);
            Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["calls"] = calls,
                ["shared_us_per_request"] = Math.Round(sharedUs, 1),
                ["local_us_per_request"] = Math.Round(localUs, 2),
                ["file_usable"] = shared.Shared!.Usable,
            }));
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static double Measure(RateLimiter limiter, TimeSpan period, int calls, bool share)
    {
        for (int i = 0; i < 200; i++) Once(limiter, period, share);   // warm up (JIT, the file's first creation)
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < calls; i++) Once(limiter, period, share);
        return watch.Elapsed.TotalMilliseconds * 1000 / calls;
    }

    private static void Once(RateLimiter limiter, TimeSpan period, bool share)
    {
        var (waited, slot) = limiter.ReserveAsync(40, period, CancellationToken.None, share).GetAwaiter().GetResult();
        if (waited > TimeSpan.Zero) throw new InvalidOperationException("The cost run waited for the limit: it measures the wait, not the file.");
        // The answer 150 ms later, the next request 150 ms after it: 33 a period, under the 40, and each more than the
        // pacing (31 ms) after the answer before it, so nothing waits.
        _now += TimeSpan.FromMilliseconds(150);
        limiter.Settle(slot, share);
        _now += TimeSpan.FromMilliseconds(150);
    }
}

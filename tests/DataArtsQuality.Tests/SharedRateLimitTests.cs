using DataArtsQuality.Client;
using DataArtsQuality.Client.RateLimit;
using Xunit;

namespace DataArtsQuality.Tests;

/// <summary>
/// The shared limiter on one state file, driven in one process by two limiters (two processes' worth of state: each
/// has its own window in memory, the file is all they share) and a fake clock. The killed holder and two real
/// processes are in tests/pester/SharedRateLimit.Tests.ps1.
/// </summary>
public sealed class SharedRateLimitTests : IDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Spacing = TimeSpan.FromSeconds(10.1) + TimeSpan.FromMilliseconds(10);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dqc-rate-test-" + Guid.NewGuid().ToString("N"));
    private TimeSpan _now = TimeSpan.FromHours(1);

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private static readonly TimeSpan Pace = RateWindow.Pacing(3, Period);

    private string StatePath => Path.Combine(_folder, "v1-test.rate");

    private RateLimiter Process() =>
        new RateLimiter(() => _now, (_, _) => Task.CompletedTask, new SharedRateFile(StatePath), () => _now);

    [Fact]
    public async Task Two_processes_on_one_file_start_no_more_than_count_in_a_period_together()
    {
        var a = Process();
        var b = Process();
        // Paced across both processes (an eighth of the even spacing apart), and the fourth of the user's requests
        // waits a period, whichever process sends it.
        Assert.Equal(TimeSpan.Zero, (await a.ReserveAsync(3, Period, CancellationToken.None, share: true)).Waited);
        Assert.Equal(Pace, (await a.ReserveAsync(3, Period, CancellationToken.None, share: true)).Waited);
        Assert.Equal(Pace + Pace, (await b.ReserveAsync(3, Period, CancellationToken.None, share: true)).Waited);
        Assert.Equal(Spacing, (await b.ReserveAsync(3, Period, CancellationToken.None, share: true)).Waited);
        Assert.Equal(Spacing + Pace, (await a.ReserveAsync(3, Period, CancellationToken.None, share: true)).Waited);
    }

    [Fact]
    public async Task Switched_off_each_process_counts_only_its_own_requests()
    {
        var a = Process();
        var b = Process();
        for (int i = 0; i < 3; i++) await a.ReserveAsync(3, Period, CancellationToken.None, share: true);
        Assert.Equal(TimeSpan.Zero, (await b.ReserveAsync(3, Period, CancellationToken.None, share: false)).Waited);
        // a's own window still knows its three: sharing or not, a process never exceeds the count itself.
        Assert.Equal(Spacing, (await a.ReserveAsync(3, Period, CancellationToken.None, share: false)).Waited);
        Assert.False(File.Exists(Path.Combine(_folder, "never.rate")));
    }

    [Fact]
    public async Task A_pause_reaches_the_other_process()
    {
        var a = Process();
        var b = Process();
        a.Pause(TimeSpan.FromSeconds(3), share: true);
        Assert.Equal(TimeSpan.FromSeconds(3),
            (await b.ReserveAsync(3, Period, CancellationToken.None, share: true)).Waited);
    }

    [Fact]
    public async Task A_slot_settled_in_one_process_counts_from_the_answer_in_the_other()
    {
        var a = Process();
        var b = Process();
        var slots = new List<TimeSpan>();
        for (int i = 0; i < 3; i++)
            slots.Add((await a.ReserveAsync(3, Period, CancellationToken.None, share: true)).Slot);
        _now += TimeSpan.FromSeconds(2); // the answers came 2 s after the requests left
        foreach (var slot in slots) a.Settle(slot, share: true);
        Assert.Equal(Spacing, b.PeekWait(3, Period, share: true));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a rate file at all")]
    [InlineData("DQCRATE\u0002 a later version's bytes")]
    public async Task Garbage_or_another_version_in_the_file_is_an_empty_window_and_is_written_over(string content)
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(StatePath, content);
        var a = Process();
        Assert.Equal(TimeSpan.Zero, (await a.ReserveAsync(3, Period, CancellationToken.None, share: true)).Waited);
        var window = RateWindowFormat.Read(File.ReadAllBytes(StatePath), (int)new FileInfo(StatePath).Length, _now);
        Assert.Single(window.Slots);
    }

    [Fact]
    public void A_torn_or_reordered_file_does_not_read_back()
    {
        var window = new RateWindow();
        window.Take(_now, 3, Period);
        window.Take(_now + TimeSpan.FromSeconds(1), 3, Period);
        window.PauseUntil(_now + TimeSpan.FromSeconds(4));
        byte[] bytes = RateWindowFormat.Write(window);
        var back = RateWindowFormat.Read(bytes, bytes.Length, _now);
        Assert.Equal(window.Slots, back.Slots);
        Assert.Equal(window.NotBefore, back.NotBefore);
        Assert.Empty(RateWindowFormat.Read(bytes, bytes.Length - 3, _now).Slots); // torn
        bytes[20] ^= 0x40;
        Assert.Empty(RateWindowFormat.Read(bytes, bytes.Length, _now).Slots); // a flipped bit: the hash does not match
    }

    [Fact]
    public async Task A_folder_that_cannot_be_made_leaves_the_process_its_own_count()
    {
        string file = Path.Combine(_folder, "a-file");
        Directory.CreateDirectory(_folder);
        File.WriteAllText(file, "x");
        var a = new RateLimiter(() => _now, (_, _) => Task.CompletedTask,
            new SharedRateFile(Path.Combine(file, "under-a-file.rate")), () => _now);
        for (int i = 0; i < 3; i++)
            Assert.Equal(i * Pace, (await a.ReserveAsync(3, Period, CancellationToken.None, share: true)).Waited);
        Assert.Equal(Spacing, (await a.ReserveAsync(3, Period, CancellationToken.None, share: true)).Waited);
        Assert.False(a.Shared!.Usable);
    }

    [Fact]
    public async Task A_large_count_s_window_longer_than_the_first_buffer_still_reads_back()
    {
        // 9,000 slots are 72 KB of file: more than any fixed buffer the reader might have started with.
        const int count = 9000;
        var a = new RateLimiter(() => _now, (_, _) => Task.CompletedTask, new SharedRateFile(StatePath), () => _now);
        var b = new RateLimiter(() => _now, (_, _) => Task.CompletedTask, new SharedRateFile(StatePath), () => _now);
        for (int i = 0; i < count; i++) await a.ReserveAsync(count, Period, CancellationToken.None, share: true);
        Assert.True(new FileInfo(StatePath).Length > 64 * 1024);
        Assert.Equal(Spacing, (await b.ReserveAsync(count, Period, CancellationToken.None, share: true)).Waited);
    }
}

using DataArtsQuality.Client.Reruns;
using DataArtsQuality.Models;
using Xunit;

namespace DataArtsQuality.Tests;

/// <summary>
/// The invariants of <see cref="DqcLostAnswerSearch"/>, driven with a fake walk (the runs the service lists at each
/// look) and a fake delay (a look happens when the test lets it): every look ends, a run goes to one rerun, and one
/// walk serves every rerun looked for at that moment.
/// </summary>
public class LostAnswerSearchTests
{
    private static readonly DateTimeOffset Sent = new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    /// <summary>A service whose listing the test changes between looks, and a delay the test releases one at a
    /// time.</summary>
    private sealed class FakeService
    {
        public readonly List<DqcInstance> Listed = new List<DqcInstance>();
        public readonly SemaphoreSlim Delays = new SemaphoreSlim(0);
        public int Walks;
        public Exception? FailWith;
        public readonly List<int> Looked = new List<int>();

        /// <summary>While set, a walk waits for it: the service is slow to list.</summary>
        public Task? Slow;
        private int _inWalk;
        public int MostWalksAtOnce;

        public async Task<DqcRunWalk> Walk(IReadOnlyList<DqcRerun> open, CancellationToken ct)
        {
            int now = Interlocked.Increment(ref _inWalk);
            lock (Looked) MostWalksAtOnce = Math.Max(MostWalksAtOnce, now);
            try
            {
                Interlocked.Increment(ref Walks);
                lock (Looked) Looked.Add(open.Count);
                if (Slow != null) await Slow;
                if (FailWith != null) throw FailWith;
                List<DqcInstance> runs;
                lock (Listed) runs = Listed.ToList();
                return new DqcRunWalk(runs, Sent.AddMinutes(-2), 2);
            }
            finally { Interlocked.Decrement(ref _inWalk); }
        }

        public Task Delay(TimeSpan _, CancellationToken ct) => Delays.WaitAsync(ct);

        public void List(string instanceId, string ruleId, DateTimeOffset started)
        {
            lock (Listed)
                Listed.Add(
                    new DqcInstance { InstanceId = instanceId, RuleId = ruleId, RuleType = DqcRuleType.Quality,
                        StartTime = started });
        }
    }

    private static DqcRerun Lost(string ruleId, DqcRerunHistory history, DateTimeOffset? sent = null)
    {
        var record = new DqcRerun(ruleId, DqcRuleType.Quality, null, sent ?? Sent, "c", "ws");
        record.InDoubt("The connection was reset.");
        return record;
    }

    private static DqcLostAnswerSearch Search(FakeService service, DqcRerunHistory history, int looks = 3,
        CancellationToken ct = default) =>
        new DqcLostAnswerSearch(looks, TimeSpan.FromSeconds(2), history, service.Walk, ct, service.Delay);

    private static async Task<T> Within<T>(Task<T> task)
    {
        var done = await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(10)));
        Assert.True(done == task, "the look did not end");
        return await task;
    }

    /// <summary>Waits until the worker got this far (the thread pool may be busy with other tests).</summary>
    private static async Task Until(Func<bool> condition)
    {
        for (int i = 0; i < 500 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition(), "the look did not get there");
    }

    [Fact]
    public async Task A_run_that_shows_on_the_second_look_is_found_there()
    {
        var service = new FakeService();
        var history = new DqcRerunHistory();
        var record = Lost("7", history);
        var found = Search(service, history).FindAsync(record);
        await Until(() => service.Walks == 1);
        await Task.Delay(20);
        Assert.False(found.IsCompleted); // first look: nothing listed yet
        Assert.Equal(DqcRerunState.InDoubt, record.State); // not NotFound while looks remain
        service.List("101", "7", Sent.AddSeconds(1));
        service.Delays.Release();
        var run = await Within(found);
        Assert.Equal("101", run!.InstanceId);
        Assert.Equal((DqcRerunState.Found, "101"), (record.State, record.InstanceId));
        Assert.Equal(2, service.Walks);
    }

    [Fact]
    public async Task None_found_after_the_last_look_says_what_was_looked_at()
    {
        var service = new FakeService();
        var history = new DqcRerunHistory();
        var record = Lost("7", history);
        service.List("old", "7", Sent.AddMinutes(-30)); // the failed run being re-run: never ours
        var found = Search(service, history, looks: 3).FindAsync(record);
        service.Delays.Release(2);
        Assert.Null(await Within(found));
        Assert.Equal(3, service.Walks);
        Assert.Equal(DqcRerunState.NotFound, record.State);
        Assert.Contains("listing request(s)", record.Detail);
    }

    [Fact]
    public async Task A_run_from_just_before_the_send_is_taken_only_on_the_last_look()
    {
        var service = new FakeService();
        var history = new DqcRerunHistory();
        var record = Lost("7", history);
        service.List("skewed", "7", Sent.AddSeconds(-20)); // the service's clock behind ours, or a run not ours
        var found = Search(service, history, looks: 2).FindAsync(record);
        await Until(() => service.Walks == 1);
        await Task.Delay(20);
        Assert.False(found.IsCompleted);
        service.Delays.Release();
        Assert.Equal("skewed", (await Within(found))!.InstanceId);
    }

    [Fact]
    public async Task A_run_just_before_the_send_is_not_guessed_at_while_an_earlier_rerun_of_the_job_is_open()
    {
        // An earlier rerun of job 7, sent 10 s before this one, lost its answer too and was never resolved: the run
        // that started 5 s before this send is more likely its run than this one's with a skewed clock.
        var service = new FakeService();
        var history = new DqcRerunHistory();
        var now = DateTimeOffset.Now;
        var clock = now.AddSeconds(-10);
        var batch = new DqcRerunBatch(history, "c", "ws", () => clock);
        var earlier = new DqcRerunTicket("7", DqcRuleType.Quality, null);
        batch.GateFor(earlier).MaySend();
        earlier.Record!.InDoubt("lost");
        clock = now;
        var ticket = new DqcRerunTicket("7", DqcRuleType.Quality, null);
        batch.GateFor(ticket).MaySend();
        ticket.Record!.InDoubt("lost");
        service.List("theirs", "7", now.AddSeconds(-5));
        Assert.Null(await Within(Search(service, history, looks: 1).FindAsync(ticket.Record)));
        Assert.Equal(DqcRerunState.NotFound, ticket.Record.State);
        // Looking for both, each gets what is its own: the earlier takes the run after its send.
        await DqcRerunResolverAssign(new[] { earlier.Record, ticket.Record }, service, history);
        Assert.Equal(("theirs", DqcRerunState.Found), (earlier.Record.InstanceId, earlier.Record.State));
        Assert.Equal(DqcRerunState.NotFound, ticket.Record.State);
    }

    private static async Task DqcRerunResolverAssign(IReadOnlyList<DqcRerun> open, FakeService service,
        DqcRerunHistory history) =>
        DqcRerunResolver.Assign(open, await service.Walk(open, default), history, _ => true);

    [Fact]
    public async Task No_run_is_taken_while_another_rerun_of_the_job_awaits_its_answer()
    {
        // Two reruns of job 7 at once: the first lost its answer, the second's is still coming. The one run listed
        // may be the second's, so the look waits; once the second's answer names its instance, the other run is ours.
        var service = new FakeService();
        var history = new DqcRerunHistory();
        var batch = new DqcRerunBatch(history, "c", "ws");
        var lost = new DqcRerunTicket("7", DqcRuleType.Quality, null);
        batch.GateFor(lost).MaySend();
        lost.Record!.InDoubt("lost");
        var awaited = new DqcRerunTicket("7", DqcRuleType.Quality, null);
        batch.GateFor(awaited).MaySend();
        var now = DateTimeOffset.Now;
        service.List("theirs", "7", now.AddSeconds(1));
        var found = Search(service, history, looks: 3).FindAsync(lost.Record);
        await Until(() => service.Walks == 1);
        await Task.Delay(20);
        Assert.False(found.IsCompleted);
        awaited.Record!.Started("theirs");
        service.List("ours", "7", now.AddSeconds(2));
        service.Delays.Release();
        Assert.Equal("ours", (await Within(found))!.InstanceId);
    }

    [Fact]
    public async Task Many_lost_answers_share_each_walk()
    {
        var service = new FakeService();
        var history = new DqcRerunHistory();
        var search = Search(service, history, looks: 3);
        var slow = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        service.Slow = slow.Task;
        // The first look starts at once with the first rerun; the other 49 arrive while it lists and join the next.
        var records = Enumerable.Range(0, 50).Select(i => Lost(i.ToString(), history)).ToList();
        var finds = records.Select(search.FindAsync).ToList();
        await Until(() => service.Walks >= 1);
        await Task.Delay(50);
        Assert.Equal(1, service.MostWalksAtOnce);
        for (int i = 0; i < 50; i++) service.List("run" + i, i.ToString(), Sent.AddSeconds(1));
        slow.SetResult(true);
        service.Delays.Release(3);
        var runs = await Within(Task.WhenAll(finds));
        Assert.Equal(Enumerable.Range(0, 50).Select(i => "run" + i), runs.Select(r => r!.InstanceId));
        Assert.True(service.Walks <= 3, $"{service.Walks} walks for 50 lost answers");
        Assert.Equal(1, service.MostWalksAtOnce);
        Assert.Equal(service.Walks, search.Walks);
        Assert.Equal(2 * service.Walks, search.Requests);
    }

    [Fact]
    public async Task A_failed_walk_ends_every_look_with_its_reason()
    {
        var service = new FakeService { FailWith = new InvalidOperationException("listing refused") };
        var history = new DqcRerunHistory();
        var first = Lost("7", history);
        var search = Search(service, history);
        var found = search.FindAsync(first);
        Assert.Null(await Within(found));
        Assert.Equal(DqcRerunState.NotFound, first.State);
        Assert.Contains("listing refused", first.Detail);
        // The search is not stuck after a failure: a later lost answer is looked for again.
        service.FailWith = null;
        service.List("9", "8", Sent.AddSeconds(1));
        Assert.Equal("9", (await Within(search.FindAsync(Lost("8", history))))!.InstanceId);
    }

    [Fact]
    public async Task A_stop_cancels_every_look_and_no_walk_follows()
    {
        var service = new FakeService();
        var history = new DqcRerunHistory();
        using var stop = new CancellationTokenSource();
        var search = Search(service, history, looks: 5, ct: stop.Token);
        var finds = new[] { search.FindAsync(Lost("7", history)), search.FindAsync(Lost("8", history)) };
        await Until(() => service.Walks >= 1);
        int walks = service.Walks;
        stop.Cancel();
        foreach (var find in finds)
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Within(find));
        await Task.Delay(50);
        Assert.Equal(walks, service.Walks);
    }

    [Fact]
    public async Task Two_searches_at_once_never_give_one_run_to_two_reruns()
    {
        // Two runspaces each lost the answer to a rerun of job 7; the service lists one run. One of them gets it.
        for (int round = 0; round < 50; round++)
        {
            var service = new FakeService();
            var history = new DqcRerunHistory();
            var batch = new DqcRerunBatch(history, "c", "ws");
            var records = new List<DqcRerun>();
            for (int i = 0; i < 2; i++)
            {
                var ticket = new DqcRerunTicket("7", DqcRuleType.Quality, null);
                batch.GateFor(ticket).MaySend();
                ticket.Record!.InDoubt("lost");
                records.Add(ticket.Record);
            }
            service.List("only", "7", DateTimeOffset.Now.AddSeconds(1));
            var a = Search(service, history, looks: 1).FindAsync(records[0]);
            var b = Search(service, history, looks: 1).FindAsync(records[1]);
            var runs = await Within(Task.WhenAll(a, b));
            Assert.Single(runs, r => r?.InstanceId == "only");
            Assert.Single(records, r => r.State == DqcRerunState.Found);
        }
    }
}

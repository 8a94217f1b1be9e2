using DataArtsQuality.Client.Reruns;
using DataArtsQuality.Models;
using Xunit;

namespace DataArtsQuality.Tests;

/// <summary>
/// <see cref="DqcNewerRunCheck"/> with a fake walk of the instance list: which runs count as newer than the reference,
/// and what the checks of a batch cost in walks.
/// </summary>
public class NewerRunCheckTests
{
    private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    private sealed class FakeList
    {
        public readonly List<DqcInstance> Runs = new List<DqcInstance>();
        public readonly List<DateTimeOffset> WalkedFrom = new List<DateTimeOffset>();

        public Task<DqcRunWalk> Walk(DateTimeOffset from, CancellationToken ct)
        {
            WalkedFrom.Add(from);
            var runs = Runs.Where(r => r.StartTime is null || r.StartTime >= from).ToList();
            return Task.FromResult(new DqcRunWalk(runs, from, 1 + runs.Count / 100));
        }

        public DqcInstance Add(string id, string job, DateTimeOffset? started, DqcRuleType type = DqcRuleType.Quality)
        {
            var run = new DqcInstance { InstanceId = id, RuleId = job, RuleType = type, StartTime = started,
                RunStatus = "RUNNING" };
            Runs.Add(run);
            return run;
        }
    }

    private static DqcNewerRunCheck Check(FakeList list, DqcRerunHistory? history = null) =>
        new DqcNewerRunCheck(list.Walk, history ?? new DqcRerunHistory(), now: () => Now);

    private static DqcRerunCondition FromRun(DqcInstance run)
        => new DqcRerunCondition(run.StartTime!.Value, false, run.InstanceId);

    [Fact]
    public async Task A_job_with_a_newer_run_is_not_started_and_that_run_stands_for_it()
    {
        var list = new FakeList();
        var failed = list.Add("1", "7", Now.AddHours(-3));
        var newer = list.Add("2", "7", Now.AddHours(-1));
        list.Add("3", "7", Now.AddMinutes(-30), DqcRuleType.Comparison); // another rule type: not this job's run
        var outcome = await Check(list).DecideAsync("7", DqcRuleType.Quality, FromRun(failed), default);
        Assert.Equal(DqcConditionKind.NewerRun, outcome.Kind);
        Assert.Same(newer, outcome.Run);
    }

    [Fact]
    public async Task The_latest_run_itself_and_older_runs_do_not_stop_a_rerun()
    {
        var list = new FakeList();
        list.Add("1", "7", Now.AddHours(-5));
        var failed = list.Add("2", "7", Now.AddHours(-3));
        var outcome = await Check(list).DecideAsync("7", DqcRuleType.Quality, FromRun(failed), default);
        Assert.Equal(DqcConditionKind.Start, outcome.Kind);
    }

    [Fact]
    public async Task A_run_the_service_has_not_started_yet_counts_as_newer()
    {
        var list = new FakeList();
        var failed = list.Add("1", "7", Now.AddHours(-3));
        list.Add("2", "7", null);
        Assert.Equal(DqcConditionKind.NewerRun,
            (await Check(list).DecideAsync("7", DqcRuleType.Quality, FromRun(failed), default)).Kind);
    }

    [Fact]
    public async Task A_time_on_the_callers_clock_allows_for_skew_in_favour_of_not_running_twice()
    {
        var list = new FakeList();
        list.Add("2", "7", Now.AddSeconds(-30)); // by the service's clock; ours may be ahead
        var check = Check(list);
        var given = new DqcRerunCondition(Now, true, null);
        Assert.Equal(DqcConditionKind.NewerRun,
            (await check.DecideAsync("7", DqcRuleType.Quality, given, default)).Kind);
        // The same time as a run's start (the service's clock): a run 30 s before it is older.
        var fromService = new DqcRerunCondition(Now, false, null);
        Assert.Equal(DqcConditionKind.Start,
            (await Check(list).DecideAsync("7", DqcRuleType.Quality, fromService, default)).Kind);
    }

    [Fact]
    public async Task A_rerun_this_process_sent_after_the_reference_counts_even_before_its_run_is_listed()
    {
        var list = new FakeList();
        var failed = list.Add("1", "7", DateTimeOffset.Now.AddHours(-1));
        var history = new DqcRerunHistory();
        var batch = new DqcRerunBatch(history, "c", "ws");
        var ticket = new DqcRerunTicket("7", DqcRuleType.Quality, null);
        batch.GateFor(ticket).MaySend();
        var outcome = await new DqcNewerRunCheck(list.Walk, history)
            .DecideAsync("7", DqcRuleType.Quality, FromRun(failed), default);
        Assert.Equal(DqcConditionKind.RerunSent, outcome.Kind);
        Assert.Same(ticket.Record, outcome.Rerun);
        Assert.Empty(list.WalkedFrom); // known locally: no listing needed
        // Answered, a rerun of an earlier invocation is left to the listing (the service is the truth for its runs);
        // one this invocation sent still counts, as a walk made before it cannot show its run.
        ticket.Record!.Started("99");
        Assert.Equal(DqcConditionKind.Start,
            (await new DqcNewerRunCheck(list.Walk, history).DecideAsync("7", DqcRuleType.Quality, FromRun(failed),
                default)).Kind);
        var here = new DqcNewerRunCheck(list.Walk, history, r => ReferenceEquals(r, ticket.Record));
        Assert.Equal(DqcConditionKind.RerunSent,
            (await here.DecideAsync("7", DqcRuleType.Quality, FromRun(failed), default)).Kind);
        var refusedTicket = new DqcRerunTicket("7", DqcRuleType.Quality, null);
        batch.GateFor(refusedTicket).MaySend();
        ticket = refusedTicket;
        // A refused rerun started nothing: it does not count.
        ticket.Record!.Refused("DQC.4004");
        Assert.Equal(DqcConditionKind.Start,
            (await new DqcNewerRunCheck(list.Walk, history).DecideAsync("7", DqcRuleType.Quality, FromRun(failed),
                default)).Kind);
    }

    [Fact]
    public async Task A_batch_of_checks_shares_one_walk()
    {
        var list = new FakeList();
        var failedRuns = Enumerable.Range(0, 500)
            .Select(i => list.Add("f" + i, "job" + i, Now.AddHours(-2).AddSeconds(i))).ToList();
        for (int i = 0; i < 500; i += 2) list.Add("n" + i, "job" + i, Now.AddMinutes(-10));
        var check = Check(list);
        int newer = 0;
        foreach (var run in failedRuns)
            if ((await check.DecideAsync(run.RuleId, DqcRuleType.Quality, FromRun(run), default)).Kind
                == DqcConditionKind.NewerRun) newer++;
        Assert.Equal(250, newer);
        Assert.Equal(1, check.Walks);
    }

    [Fact]
    public async Task References_arriving_newest_first_widen_the_window_by_doubling()
    {
        // Get-DqcInstance lists the newest first: each reference is a minute older than the one before.
        var list = new FakeList();
        var failedRuns = Enumerable.Range(0, 600).Select(i => list.Add("f" + i, "job" + i, Now.AddMinutes(-1 - i)))
            .ToList();
        var check = Check(list);
        foreach (var run in failedRuns)
            Assert.Equal(DqcConditionKind.Start,
                (await check.DecideAsync(run.RuleId, DqcRuleType.Quality, FromRun(run), default)).Kind);
        // 600 references over 10 hours: the window doubles back, so about log2(600) walks, not 600.
        Assert.InRange(check.Walks, 2, 11);
    }
}

using DataArtsQuality.Client;
using DataArtsQuality.Client.Reruns;
using DataArtsQuality.Models;
using Xunit;

namespace DataArtsQuality.Tests;

/// <summary>
/// The invariants of <see cref="DqcRerunBatch"/> and <see cref="DqcRerun.TryReport"/>, driven with fake requests
/// (TaskCompletionSources) in every order: on record before the send, nothing sent after the stop, reported once.
/// </summary>
public class RerunBatchTests
{
    private static DqcRerunBatch NewBatch(DqcRerunHistory? history = null)
        => new DqcRerunBatch(history ?? new DqcRerunHistory(), "test", "ws1");

    /// <summary>Sends a fake rerun through the gate as the transport would: asks the gate, then goes on the
    /// wire.</summary>
    private static (DqcRerunTicket Ticket, TaskCompletionSource<string> Answer, bool Sent) Send(DqcRerunBatch batch,
        string id)
    {
        var ticket = new DqcRerunTicket(id, DqcRuleType.Quality, null);
        var answer = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool sent = batch.GateFor(ticket).MaySend();
        batch.Track(ticket, sent ? answer.Task : Task.FromCanceled<string>(new CancellationToken(true)));
        return (ticket, answer, sent);
    }

    [Fact]
    public void A_record_exists_before_the_request_goes_and_a_retry_keeps_it()
    {
        var history = new DqcRerunHistory();
        var batch = NewBatch(history);
        var ticket = new DqcRerunTicket("1440764172232392705", DqcRuleType.Quality, "orders");
        var gate = batch.GateFor(ticket);
        Assert.Null(ticket.Record);
        Assert.True(gate.MaySend());
        var record = ticket.Record;
        Assert.NotNull(record);
        Assert.True(gate.MaySend()); // a retry after an answer that says nothing ran
        Assert.Same(record, ticket.Record);
        Assert.Single(history.Snapshot());
        Assert.Equal(DqcRerunState.InFlight, record!.State);
    }

    [Fact]
    public void Nothing_is_sent_after_the_stop_and_the_gate_closes()
    {
        var batch = NewBatch();
        var ticket = new DqcRerunTicket("1", DqcRuleType.Quality, null);
        var gate = batch.GateFor(ticket);
        Assert.Empty(batch.Stop(TimeSpan.Zero, () => { }));
        Assert.True(gate.Closed.IsCancellationRequested);
        Assert.False(gate.MaySend());
        Assert.Null(ticket.Record);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Answers_in_any_order_settle_each_record_once(int seed)
    {
        var batch = NewBatch();
        var sends = Enumerable.Range(0, 8).Select(i => Send(batch, (1000 + i).ToString())).ToList();
        var order = sends.OrderBy(_ => new Random(seed).Next()).ToList();
        foreach (var (ticket, answer, _) in new Random(seed).Next(2) == 0 ? order : Enumerable.Reverse(order))
        {
            switch (int.Parse(ticket.RuleId) % 4)
            {
                case 0: answer.SetResult("9" + ticket.RuleId); break;
                case 1:
                    answer.SetException(new DqcApiException("bad", System.Net.HttpStatusCode.BadRequest, "DQC.0001",
                        "bad", null, "POST", "/restart", null));
                    break;
                case 2:
                    answer.SetException(new DqcTransportException("reset", "POST", "/restart",
                        mayHaveReachedServer: true, timedOut: false, null));
                    break;
                default: answer.SetException(new DqcResponseFormatException("cut")); break;
            }
        }
        SpinWait.SpinUntil(() => sends.All(s => s.Ticket.Record!.State != DqcRerunState.InFlight), 5000);
        foreach (var (ticket, _, _) in sends)
        {
            var expected = (int.Parse(ticket.RuleId) % 4) switch
            {
                0 => DqcRerunState.Started,
                1 => DqcRerunState.Refused,
                _ => DqcRerunState.InDoubt,
            };
            Assert.Equal(expected, ticket.Record!.State);
        }
    }

    [Fact]
    public async Task The_stop_waits_the_grace_for_answers_then_cancels_and_leaves_the_rest_in_doubt()
    {
        var batch = NewBatch();
        var early = Send(batch, "1");
        var late = Send(batch, "2");
        bool cancelled = false;
        var answering = Task.Run(() => { Thread.Sleep(50); early.Answer.SetResult("11"); });
        var unreported = batch.Stop(TimeSpan.FromMilliseconds(400), () =>
        {
            cancelled = true;
            late.Answer.TrySetCanceled();
        });
        await answering;
        Assert.True(cancelled);
        Assert.Equal(new[] { "1", "2" }, unreported.Select(r => r.RuleId));
        Assert.Equal(DqcRerunState.Started, early.Ticket.Record!.State);
        Assert.Equal("11", early.Ticket.Record.InstanceId);
        Assert.Equal(DqcRerunState.InDoubt, late.Ticket.Record!.State);
    }

    [Fact]
    public void The_stop_does_not_wait_past_the_grace()
    {
        var batch = NewBatch();
        Send(batch, "1");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        batch.Stop(TimeSpan.FromMilliseconds(100), () => { });
        // Bounded by the grace: far below the unbounded wait a missing bound would be.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void A_record_the_pipeline_reported_is_not_in_the_stop_report()
    {
        var batch = NewBatch();
        var a = Send(batch, "1");
        var b = Send(batch, "2");
        a.Answer.SetResult("11");
        b.Answer.SetResult("22");
        SpinWait.SpinUntil(() => b.Ticket.Record!.State == DqcRerunState.Started, 5000);
        Assert.True(a.Ticket.Record!.TryReport(DqcRerunReport.Output, () => { }));
        var unreported = batch.Stop(TimeSpan.Zero, () => { });
        Assert.Equal(new[] { "2" }, unreported.Select(r => r.RuleId));
    }

    [Fact]
    public void A_write_that_throws_leaves_the_record_for_the_stop_report()
    {
        var batch = NewBatch();
        var a = Send(batch, "1");
        a.Answer.SetResult("11");
        var record = a.Ticket.Record!;
        Assert.Throws<InvalidOperationException>(
            () => record.TryReport(DqcRerunReport.Output,
                () => throw new InvalidOperationException("pipeline stopped")));
        Assert.Equal(DqcRerunReport.NotYet, record.ReportedAs);
        Assert.Single(batch.Stop(TimeSpan.Zero, () => { }));
        Assert.True(record.TryReport(DqcRerunReport.StopReport, () => { }));
        Assert.False(
            record.TryReport(DqcRerunReport.Output, () => throw new InvalidOperationException("written twice")));
        Assert.Equal(DqcRerunReport.StopReport, record.ReportedAs);
    }

    [Fact]
    public async Task Racing_reporters_report_each_record_exactly_once()
    {
        for (int round = 0; round < 200; round++)
        {
            var batch = NewBatch();
            var sends = Enumerable.Range(0, 16).Select(i => Send(batch, i.ToString())).ToList();
            foreach (var s in sends) s.Answer.SetResult("9" + s.Ticket.RuleId);
            int writes = 0;
            var pipeline = Task.Run(() =>
            {
                foreach (var s in sends)
                    s.Ticket.Record!.TryReport(DqcRerunReport.Output, () => Interlocked.Increment(ref writes));
            });
            var stopper = Task.Run(() =>
            {
                foreach (var r in batch.Stop(TimeSpan.Zero, () => { }))
                    r.TryReport(DqcRerunReport.StopReport, () => Interlocked.Increment(ref writes));
            });
            await Task.WhenAll(pipeline, stopper);
            Assert.Equal(16, writes);
            Assert.All(sends, s => Assert.NotEqual(DqcRerunReport.NotYet, s.Ticket.Record!.ReportedAs));
        }
    }

    [Fact]
    public async Task A_send_racing_the_stop_is_either_on_the_stops_list_or_not_sent()
    {
        for (int round = 0; round < 500; round++)
        {
            var batch = NewBatch();
            var ticket = new DqcRerunTicket("1", DqcRuleType.Quality, null);
            var gate = batch.GateFor(ticket);
            bool sent = false;
            var sender = Task.Run(() => sent = gate.MaySend());
            var unreported = batch.Stop(TimeSpan.Zero, () => { });
            await sender;
            Assert.Equal(sent, unreported.Count == 1);
        }
    }

    [Fact]
    public void The_history_keeps_the_last_records_within_its_capacity()
    {
        var history = new DqcRerunHistory(capacity: 100);
        var batch = NewBatch(history);
        for (int i = 0; i < 1000; i++) Send(batch, i.ToString());
        var kept = history.Snapshot();
        Assert.Equal(100, kept.Count);
        Assert.Equal("900", kept[0].RuleId);
        Assert.Equal(900, history.Dropped);
    }

    [Fact]
    public void The_resolver_gives_each_run_to_one_rerun_and_never_one_before_the_send()
    {
        var sent = new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
        var first = new DqcRerun("7", DqcRuleType.Quality, null, sent, "c", "ws");
        var second = new DqcRerun("7", DqcRuleType.Quality, null, sent.AddSeconds(5), "c", "ws");
        var other = new DqcRerun("8", DqcRuleType.Quality, null, sent, "c", "ws");
        foreach (var r in new[] { first, second, other }) r.InDoubt("lost");
        var runs = new[]
        {
            new DqcInstance { InstanceId = "old", RuleId = "7", RuleType = DqcRuleType.Quality,
                StartTime = sent.AddMinutes(-10) },
            new DqcInstance { InstanceId = "b", RuleId = "7", RuleType = DqcRuleType.Quality,
                StartTime = sent.AddSeconds(6) },
            new DqcInstance { InstanceId = "a", RuleId = "7", RuleType = DqcRuleType.Quality,
                StartTime = sent.AddSeconds(1) },
            new DqcInstance { InstanceId = "cmp", RuleId = "8", RuleType = DqcRuleType.Comparison,
                StartTime = sent.AddSeconds(1) },
        };
        DqcRerunResolver.Assign(new[] { first, second, other }, new DqcRunWalk(runs, sent.AddMinutes(-2), 1),
            new DqcRerunHistory(), _ => true);
        Assert.Equal(("a", DqcRerunState.Found), (first.InstanceId, first.State));
        Assert.Equal(("b", DqcRerunState.Found), (second.InstanceId, second.State));
        Assert.Equal(DqcRerunState.NotFound, other.State); // a run of another rule type is not its run
        Assert.Null(other.InstanceId);
    }

    [Fact]
    public void The_stop_report_names_every_rerun_with_its_instance_or_says_it_is_in_doubt()
    {
        var started = new DqcRerun("1440764172232392705", DqcRuleType.Quality, null, DateTimeOffset.Now, "c", "ws");
        started.Started("1500000000000071272");
        var inDoubt = new DqcRerun("1283480044387540993", DqcRuleType.Comparison, null, DateTimeOffset.Now, "c", "ws");
        inDoubt.InDoubt("stop");
        var lines = DqcStopReport.Lines(new[] { started, inDoubt });
        Assert.Contains(lines,
            l => l.Contains("quality job 1440764172232392705: started, instance 1500000000000071272"));
        Assert.Contains(lines, l => l.Contains("comparison job 1283480044387540993: sent, outcome unknown"));
        Assert.Contains("Resolve-DqcRerun", lines[lines.Count - 1]);
        Assert.Empty(DqcStopReport.Lines(Array.Empty<DqcRerun>()));
    }
}

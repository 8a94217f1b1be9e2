using System.Management.Automation;
using DataArtsQuality.Commands.Reporting;
using DataArtsQuality.Models;
using Xunit;

namespace DataArtsQuality.Tests;

/// <summary>
/// The invariants of <see cref="InFlightWindow{TItem, TResult}"/>
/// (src/DataArtsQuality/Commands/Reporting/INVARIANTS.md), driven with fake requests (TaskCompletionSources) and a fake
/// cmdlet: answers in any order, failures, a stop downstream, -ErrorAction Stop, Ctrl+C, and the report-once hook.
/// </summary>
public class InFlightWindowTests
{
    [Cmdlet("Test", "Window")]
    private sealed class PlainCmdlet : PSCmdlet
    {
    }

    /// <summary>Stands for the cmdlet: records every write in order.</summary>
    private sealed class FakeWriter : IReportWriter
    {
        public readonly List<string> Log = new List<string>();

        public PipelinePump Pump { get; } = new PipelinePump(new PlainCmdlet());

        public bool Stop { get; set; }

        public bool ErrorActionIsStop() => Stop;

        public void WriteError(ErrorRecord errorRecord)
        {
            lock (Log) Log.Add("error " + errorRecord.TargetObject);
        }

        public void WriteWarning(string text)
        {
            lock (Log) Log.Add("warning " + text);
        }

        public void Output(string item, string result)
        {
            lock (Log) Log.Add("out " + item + "=" + result);
        }
    }

    private static InFlightWindow<string, string> Window(FakeWriter writer, int limit) =>
        new InFlightWindow<string, string>(writer, limit, writer.Output,
            (item, ex) => new ErrorRecord(ex, "Failed", ErrorCategory.NotSpecified, item),
            (item, request, why) => request.Status == TaskStatus.RanToCompletion
                ? $"{item}={request.Result} before {why}" : $"{item} failed before {why}");

    private static TaskCompletionSource<string> Pending()
        => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);

    [Fact]
    public async Task Answers_in_any_order_are_written_in_input_order_each_once()
    {
        var rng = new Random(5);
        for (int round = 0; round < 20; round++)
        {
            var writer = new FakeWriter();
            var window = Window(writer, limit: 1 + rng.Next(8));
            var requests = Enumerable.Range(0, 100).Select(_ => Pending()).ToList();
            // Another thread answers the requests in a random order while the pipeline thread sends.
            var order = requests.OrderBy(_ => rng.Next()).ToList();
            var answering = Task.Run(async () =>
            {
                foreach (var request in order)
                {
                    request.SetResult("ok");
                    if (rng.Next(4) == 0) await Task.Yield();
                }
            });
            for (int i = 0; i < requests.Count; i++) window.Send(i.ToString(), requests[i].Task);
            window.Drain();
            await answering;
            Assert.Equal(Enumerable.Range(0, 100).Select(i => $"out {i}=ok"), writer.Log);
        }
    }

    [Fact]
    public void A_failure_and_a_refusal_are_written_in_their_turn()
    {
        var writer = new FakeWriter();
        var window = Window(writer, limit: 4);
        var a = Pending();
        var b = Pending();
        window.Send("a", a.Task);
        window.Refuse(
            new ErrorRecord(new ArgumentException("bad"), "Refused", ErrorCategory.InvalidArgument, "bad-id"));
        window.Send("b", b.Task);
        b.SetResult("2");
        Assert.Empty(writer.Log); // the head has not finished: nothing may overtake it
        a.SetException(new TimeoutException("lost"));
        window.Drain();
        Assert.Equal(new[] { "error a", "error bad-id", "out b=2" }, writer.Log);
    }

    [Fact]
    public void Send_returns_only_when_fewer_than_the_limit_are_in_flight()
    {
        var writer = new FakeWriter();
        var window = Window(writer, limit: 3);
        var a = Pending();
        var b = Pending();
        var c = Pending();
        window.Send("a", a.Task);
        window.Send("b", b.Task);
        // The third makes three in flight: its Send returns only when one of them has finished.
        var third = new Thread(() => window.Send("c", c.Task));
        third.Start();
        Assert.False(third.Join(200));
        b.SetResult("2");
        Assert.True(third.Join(5000));
        Assert.Empty(writer.Log); // a, the head, has not answered: b waits behind it
        a.SetResult("1");
        c.SetResult("3");
        window.Drain();
        Assert.Equal(new[] { "out a=1", "out b=2", "out c=3" }, writer.Log);
    }

    [Fact]
    public async Task Under_ErrorAction_Stop_an_error_first_reports_the_requests_after_it_as_warnings()
    {
        var writer = new FakeWriter { Stop = true };
        var window = Window(writer, limit: 4);
        var a = Pending();
        var b = Pending();
        var c = Pending();
        window.Send("a", a.Task);
        window.Send("b", b.Task);
        window.Send("c", c.Task);
        c.SetException(new InvalidOperationException("refused"));
        var answer = Task.Run(async () =>
        {
            await Task.Delay(50);
            b.SetResult("2");
        });
        a.SetException(new InvalidOperationException("DQC.4004"));
        window.Drain(); // writes a's error; b is waited for first
        await answer;
        Assert.Equal(
            new[] { "warning b=2 before the error below stopped the pipeline",
                "warning c failed before the error below stopped the pipeline", "error a" }, writer.Log);
    }

    [Fact]
    public void A_stop_downstream_reports_every_request_in_the_window_as_a_warning_once()
    {
        var writer = new FakeWriter();
        var window = Window(writer, limit: 4);
        var a = Pending();
        var b = Pending();
        window.Send("a", a.Task);
        window.Send("b", b.Task);
        _ = Task.Run(async () =>
        {
            await Task.Delay(50);
            a.SetResult("1");
            b.SetResult("2");
        });
        // Select-Object -First throws a PipelineStoppedException into the step that writes.
        Assert.Throws<PipelineStoppedException>(() => window.Reporting(() => throw new PipelineStoppedException()));
        Assert.Equal(new[] { "warning a=1 before the pipeline stopped", "warning b=2 before the pipeline stopped" },
            writer.Log);
        window.Drain();
        Assert.Equal(2, writer.Log.Count); // nothing is reported twice
    }

    [Fact]
    public void After_a_Ctrl_C_nothing_is_written_here_the_stop_report_names_them()
    {
        var writer = new FakeWriter();
        var window = Window(writer, limit: 4);
        var a = Pending();
        window.Send("a", a.Task);
        writer.Pump.Stop();
        a.SetCanceled();
        Assert.Throws<PipelineStoppedException>(() => window.Reporting(window.Drain));
        Assert.Empty(writer.Log);
    }

    [Fact]
    public void A_request_reported_elsewhere_is_not_reported_again()
    {
        var writer = new FakeWriter();
        var window = Window(writer, limit: 4);
        var reportedElsewhere = new HashSet<string> { "a" };
        window.ReportOnce = (item, how, write) =>
        {
            if (reportedElsewhere.Contains(item)) return false;
            write();
            return true;
        };
        var a = Pending();
        var b = Pending();
        window.Send("a", a.Task);
        window.Send("b", b.Task);
        a.SetException(new TimeoutException("lost"));
        b.SetException(new TimeoutException("lost"));
        window.Drain();
        Assert.Equal(new[] { "error b" }, writer.Log);
    }
}

using DataArtsQuality.Client;
using DataArtsQuality.Models;
using Xunit;

namespace DataArtsQuality.Tests;

/// <summary>
/// <see cref="InstanceWait"/> and its <see cref="WaitedInstance"/>s without a service: each instance waits until it
/// has an outcome (Finished, NotFound, TimedOut), and only a poll that read the whole list counts as not seeing one.
/// </summary>
public class InstanceWaitTests
{
    private static InstanceWait Wait(params string[] ids) =>
        new(ids.Select(id => new DqcWaitTarget(id)), new DqcWaitOptions { NotFoundAfterPolls = 2 });

    private static InstancePoll Poll(InstancePollReach reach, params string[] seen) =>
        new(new HashSet<string>(seen, StringComparer.Ordinal), reach, 1);

    private static DqcInstance Listed(string id, string status) => new() { InstanceId = id, RunStatus = status };

    [Fact]
    public void Each_id_is_waited_for_once_in_the_order_given()
    {
        var wait = Wait("2", "1", "2");
        Assert.Equal(2, wait.Total);
        Assert.Equal(2, wait.Waiting);
        Assert.True(wait.IsWaitingFor("1"));
        Assert.False(wait.IsWaitingFor("3"));
    }

    [Fact]
    public void A_verdict_finishes_an_instance_and_a_running_one_keeps_waiting()
    {
        var wait = Wait("1", "2");
        wait.Listed(Listed("1", "SUCCESS"));
        wait.Listed(Listed("2", "RUNNING"));
        var decided = wait.Decide(Poll(InstancePollReach.AllSeen, "1", "2"));
        Assert.Equal(DqcWaitOutcomeKind.Finished, Assert.Single(decided).Outcome!.Kind);
        Assert.Equal(1, wait.Waiting);
        Assert.False(wait.IsWaitingFor("1"));
    }

    [Fact]
    public void Only_whole_list_polls_in_a_row_make_an_instance_not_found()
    {
        var wait = Wait("1");
        Assert.Empty(wait.Decide(Poll(InstancePollReach.WholeList)));
        Assert.Empty(wait.Decide(Poll(InstancePollReach.AllSeen)));   // stopped early: says nothing of "1"
        wait.Listed(Listed("1", "RUNNING"));
        Assert.Empty(wait.Decide(Poll(InstancePollReach.AllSeen, "1")));   // seen: the count starts again
        Assert.Empty(wait.Decide(Poll(InstancePollReach.WholeList)));
        var decided = Assert.Single(wait.Decide(Poll(InstancePollReach.WholeList)));
        Assert.Equal(DqcWaitOutcomeKind.NotFound, decided.Outcome!.Kind);
        Assert.Equal("RUNNING", decided.Outcome.LastStatus);
    }

    [Fact]
    public void A_timeout_decides_every_instance_still_waited_for_and_the_progress_counts_them()
    {
        var wait = Wait("1", "2");
        wait.Listed(Listed("1", "SUCCESS"));
        var decided = wait.Decide(Poll(InstancePollReach.WholeList, "1"));
        decided.AddRange(wait.TimeOut());
        var progress = wait.Progress(TimeSpan.FromSeconds(1), 1, 1, decided);
        Assert.True(progress.IsDone);
        Assert.Equal(2, progress.Finished);
        Assert.Equal(new[] { DqcWaitOutcomeKind.Finished, DqcWaitOutcomeKind.TimedOut },
            progress.NewOutcomes.Select(o => o.Kind));
        Assert.Equal(1, progress.CountsByStatus[InstanceWaiter.NotSeen]);
        Assert.Equal(new[] { "1", "2" }, wait.Outcomes().Select(o => o.InstanceId));
    }
}

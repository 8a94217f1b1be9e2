using DataArtsQuality.Emulator;
using DataArtsQuality.Emulator.Faults;
using DataArtsQuality.Emulator.State;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace DataArtsQuality.Tests;

/// <summary>The emulator's per-user gateway limit (issue 20, part 3), driven in process with a fixed clock.</summary>
public class EmulatorRateLimitTests
{
    private static HttpContext WithToken(string token)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers["X-Auth-Token"] = token;
        return context;
    }

    [Fact]
    public void Two_tokens_of_one_user_share_one_window()
    {
        // Two processes of one user log in separately and so hold different tokens; the gateway limits the user.
        var iam = new IamState(new EmulatorOptions());
        var first = iam.Issue(iam.Options.ProjectId, EmulatorDefaults.UserName);
        var second = iam.Issue(iam.Options.ProjectId, EmulatorDefaults.UserName);
        Assert.Equal(RateLimitMiddleware.CallerOf(WithToken(first.Value), iam),
            RateLimitMiddleware.CallerOf(WithToken(second.Value), iam));
        Assert.DoesNotContain(first.Value, RateLimitMiddleware.CallerOf(WithToken(first.Value), iam));
    }

    [Fact]
    public void Refused_requests_count_against_the_window_only_when_told_to()
    {
        var free = new FaultState();
        free.SetLimit(2, 1000, countRefused: false);
        var counted = new FaultState();
        counted.SetLimit(2, 1000, countRefused: true);
        foreach (var faults in new[] { free, counted })
        {
            Assert.True(faults.TryAdmit("u", 0));
            Assert.True(faults.TryAdmit("u", 10));
            Assert.False(faults.TryAdmit("u", 900));
        }
        // At 1005 the slot taken at 0 has left the window; the refusal at 900 still fills one when counted.
        Assert.True(free.TryAdmit("u", 1005));
        Assert.False(counted.TryAdmit("u", 1005));
        Assert.Equal(1, free.Rejected);
        Assert.Equal(2, counted.Rejected);
        Assert.Equal(2, counted.RejectedBy("u"));
    }

    [Fact]
    public void The_command_line_sets_the_counting_mode_and_the_report_names_each_caller()
    {
        var parsed = EmulatorCommandLine.Parse(
            new[] { "--rate-limit", "20", "--rate-limit-period-ms", "2000", "--rate-limit-count-refused" });
        Assert.Null(parsed.Error);
        Assert.True(parsed.Options!.RateLimitCountsRefused);
        Assert.False(EmulatorCommandLine.Parse(new[] { "--rate-limit", "20" }).Options!.RateLimitCountsRefused);
        var faults = new FaultState();
        faults.SetLimit(1, 1000);
        Assert.True(faults.TryAdmit("user:a", 0));
        Assert.False(faults.TryAdmit("user:a", 1));
        Assert.True(faults.TryAdmit("user:b", 2));
        Assert.Equal(1, faults.RejectedByCaller()["user:a"]);
        Assert.False(faults.RejectedByCaller().ContainsKey("user:b"));
        Assert.Equal(1, faults.AdmittedByCaller()["user:b"]);
    }
}

using System.Management.Automation;

using DataArtsQuality.Session;

namespace DataArtsQuality.Commands;

/// <summary>Shows the retry, timeout and rate-limit settings that apply in this runspace, and whether they are the
/// session's or its own (Scope).</summary>
[Cmdlet(VerbsCommon.Get, "DqcConfig")]
[OutputType(typeof(DqcConfig))]
public sealed class GetDqcConfig : PSCmdlet
{
    protected override void EndProcessing()
    {
        foreach (string problem in DqcConfigState.EnvironmentProblems) WriteWarning(problem);
        WriteObject(ToModel(DqcConfigState.Current, DqcConfigState.Scope));
    }

    internal static DqcConfig ToModel(DqcSettings s, DqcScope scope) => new DqcConfig
    {
        Scope = scope.ToString(),
        MaximumRetryCount = s.MaximumRetryCount,
        RetryIntervalSec = s.RetryIntervalSec,
        MaximumRetryIntervalSec = s.MaximumRetryIntervalSec,
        MaximumRetryAfterSec = s.MaximumRetryAfterSec,
        TimeoutSec = s.TimeoutSec,
        RateLimitCount = s.RateLimitCount,
        RateLimitPeriodSec = s.RateLimitPeriodSec,
        StopGraceSec = s.StopGraceSec,
        LostAnswerLookCount = s.LostAnswerLookCount,
        LostAnswerLookIntervalSec = s.LostAnswerLookIntervalSec,
        SharedRateLimit = s.SharedRateLimit,
    };
}

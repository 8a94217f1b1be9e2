using System.Management.Automation;

using DataArtsQuality.Session;

namespace DataArtsQuality.Commands;

/// <summary>
/// Changes the retry, timeout and rate-limit settings of the runspace it runs in: in the session, the session's (which
/// every runspace without settings of its own uses); in another runspace, that runspace's only. They apply to every
/// cmdlet that starts afterwards, on every connection (a running cmdlet keeps what it started with). Parameters not
/// given keep their value; -Reset goes back to the defaults and DQC_* variables (in the session) or to the session's
/// settings (in another runspace).
/// </summary>
[Cmdlet(VerbsCommon.Set, "DqcConfig", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low,
    DefaultParameterSetName = SetSet)]
[OutputType(typeof(DqcConfig))]
public sealed class SetDqcConfig : PSCmdlet
{
    private const string SetSet = "Set";
    private const string ResetSet = "Reset";

    [Parameter(ParameterSetName = SetSet)]
    [ValidateRange(0, 100)]
    public int MaximumRetryCount { get; set; }

    [Parameter(ParameterSetName = SetSet)]
    [ValidateRange(0.0, 600.0)]
    public double RetryIntervalSec { get; set; }

    [Parameter(ParameterSetName = SetSet)]
    [ValidateRange(0.0, 3600.0)]
    public double MaximumRetryIntervalSec { get; set; }

    [Parameter(ParameterSetName = SetSet)]
    [ValidateRange(0.0, 86400.0)]
    public double MaximumRetryAfterSec { get; set; }

    [Parameter(ParameterSetName = SetSet)]
    [ValidateRange(0.001, 86400.0)]
    public double TimeoutSec { get; set; }

    [Parameter(ParameterSetName = SetSet)]
    [ValidateRange(0, 100000)]
    public int RateLimitCount { get; set; }

    [Parameter(ParameterSetName = SetSet)]
    [ValidateRange(0.001, 3600.0)]
    public double RateLimitPeriodSec { get; set; }

    [Parameter(ParameterSetName = SetSet)]
    [ValidateRange(0.0, 30.0)]
    public double StopGraceSec { get; set; }

    [Parameter(ParameterSetName = SetSet)]
    [ValidateRange(0, 10)]
    public int LostAnswerLookCount { get; set; }

    [Parameter(ParameterSetName = SetSet)]
    [ValidateRange(0.0, 60.0)]
    public double LostAnswerLookIntervalSec { get; set; }
    /// <summary>$false: this process keeps its own count of the user's requests instead of sharing it with the OS
    /// user's other processes.</summary>
    [Parameter(ParameterSetName = SetSet)]
    public bool SharedRateLimit { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ResetSet)]
    public SwitchParameter Reset { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void EndProcessing()
    {
        if (Reset)
        {
            if (ShouldProcess("DataArtsQuality HTTP settings", "Reset to defaults and DQC_* environment variables"))
            {
                DqcConfigState.Reset();
                foreach (string problem in DqcConfigState.EnvironmentProblems) WriteWarning(problem);
            }
        }
        else
        {
            var settings = DqcConfigState.Current;
            var changes = new List<string>();
            var bound = MyInvocation.BoundParameters;
            if (bound.ContainsKey(nameof(MaximumRetryCount))) { settings.MaximumRetryCount = MaximumRetryCount; changes.Add(Describe(nameof(MaximumRetryCount), MaximumRetryCount)); }
            if (bound.ContainsKey(nameof(RetryIntervalSec))) { settings.RetryIntervalSec = RetryIntervalSec; changes.Add(Describe(nameof(RetryIntervalSec), RetryIntervalSec)); }
            if (bound.ContainsKey(nameof(MaximumRetryIntervalSec))) { settings.MaximumRetryIntervalSec = MaximumRetryIntervalSec; changes.Add(Describe(nameof(MaximumRetryIntervalSec), MaximumRetryIntervalSec)); }
            if (bound.ContainsKey(nameof(MaximumRetryAfterSec))) { settings.MaximumRetryAfterSec = MaximumRetryAfterSec; changes.Add(Describe(nameof(MaximumRetryAfterSec), MaximumRetryAfterSec)); }
            if (bound.ContainsKey(nameof(TimeoutSec))) { settings.TimeoutSec = TimeoutSec; changes.Add(
                Describe(nameof(TimeoutSec), TimeoutSec)); }
            if (bound.ContainsKey(nameof(RateLimitCount))) { settings.RateLimitCount = RateLimitCount; changes.Add(
                Describe(nameof(RateLimitCount), RateLimitCount)); }
            if (bound.ContainsKey(nameof(RateLimitPeriodSec))) { settings.RateLimitPeriodSec = RateLimitPeriodSec; changes.Add(Describe(nameof(RateLimitPeriodSec), RateLimitPeriodSec)); }
            if (bound.ContainsKey(nameof(StopGraceSec))) { settings.StopGraceSec = StopGraceSec; changes.Add(
                Describe(nameof(StopGraceSec), StopGraceSec)); }
            if (bound.ContainsKey(nameof(LostAnswerLookCount))) { settings.LostAnswerLookCount = LostAnswerLookCount; changes.Add(Describe(nameof(LostAnswerLookCount), LostAnswerLookCount)); }
            if (bound.ContainsKey(nameof(LostAnswerLookIntervalSec))) { settings.LostAnswerLookIntervalSec = LostAnswerLookIntervalSec; changes.Add(Describe(nameof(LostAnswerLookIntervalSec), LostAnswerLookIntervalSec)); }
            if (bound.ContainsKey(nameof(SharedRateLimit))) { settings.SharedRateLimit = SharedRateLimit; changes.Add(
                Describe(nameof(SharedRateLimit), SharedRateLimit)); }

            if (changes.Count > 0 && ShouldProcess("DataArtsQuality HTTP settings",
                "Set " + string.Join(", ", changes)))
            {
                try
                {
                    DqcConfigState.Apply(settings);
                }
                catch (ArgumentException ex)
                {
                    ThrowTerminatingError(new ErrorRecord(ex, "DqcInvalidConfig", ErrorCategory.InvalidArgument, null));
                }
            }
        }
        if (PassThru) WriteObject(GetDqcConfig.ToModel(DqcConfigState.Current, DqcConfigState.Scope));
    }

    private static string Describe(string name, object value) =>
        name + " " + Convert.ToString(value, CultureInfo.InvariantCulture);
}

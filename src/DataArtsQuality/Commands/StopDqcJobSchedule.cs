using System.Management.Automation;

namespace DataArtsQuality.Commands;

/// <summary>Turns a quality job's periodic schedule off (action stop). ConfirmImpact High; -Force skips the
/// prompt.</summary>
[Cmdlet(VerbsLifecycle.Stop, "DqcJobSchedule", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
public sealed class StopDqcJobSchedule : DqcJobScheduleCmdlet
{
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override bool Start => false;

    protected override bool Confirm(string target, string action) => ShouldProcessUnlessForced(target, action, Force);
}

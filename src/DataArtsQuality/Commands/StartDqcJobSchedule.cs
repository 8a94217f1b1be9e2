using System.Management.Automation;
using DataArtsQuality.Completers;

namespace DataArtsQuality.Commands;

/// <summary>Turns a quality job's periodic schedule on (action start). It does not run the job now: see
/// Restart-DqcJob.</summary>
[Cmdlet(VerbsLifecycle.Start, "DqcJobSchedule", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
public sealed class StartDqcJobSchedule : DqcJobScheduleCmdlet
{
    protected override bool Start => true;
}

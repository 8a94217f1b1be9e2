using System.Management.Automation;
using DataArtsQuality.Client.Reruns;
using DataArtsQuality.Session;

namespace DataArtsQuality.Commands;

/// <summary>
/// Looks for the runs of reruns in doubt (a lost answer, a stop while in flight) among the job's instances, and
/// emits each rerun looked at with what was found (State Found and its InstanceId, or NotFound). Without input it
/// takes every rerun of this process that is in doubt or not found, on the chosen or default connection's
/// workspace. One instance listing of the window since the earliest send serves them all. It never re-runs a job.
/// </summary>
[Cmdlet(VerbsDiagnostic.Resolve, "DqcRerun")]
[OutputType(typeof(DqcRerun))]
public sealed class ResolveDqcRerun : DqcCmdlet
{
    private readonly List<DqcRerun> _reruns = new List<DqcRerun>();

    /// <summary>The reruns to resolve (Get-DqcRerun output); without it, every open one of this workspace.</summary>
    [Parameter(ValueFromPipeline = true)]
    public DqcRerun[]? InputObject { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var rerun in InputObject ?? Array.Empty<DqcRerun>())
        {
            if (rerun != null && !_reruns.Contains(rerun)) _reruns.Add(rerun);
        }
    }

    protected override void EndProcessing()
    {
        var history = DqcSessionState.Reruns.Snapshot();
        string workspace = Client.Connection.WorkspaceId;
        bool given = MyInvocation.ExpectingInput || InputObject != null;
        var asked = given ? _reruns : history.Where(r => r.WorkspaceId == workspace).ToList();
        var lookFor = new List<DqcRerun>();
        foreach (var rerun in asked)
        {
            if (rerun.WorkspaceId != workspace)
            {
                WriteError(ErrorRecords.Create(new InvalidOperationException(
                    $"The rerun of job {rerun.RuleId} was sent to workspace {rerun.WorkspaceId} (connection '{rerun.Connection}'), not to this connection's."),
                    "DqcRerunOtherWorkspace", ErrorCategory.InvalidArgument, rerun.RuleId,
                    recommendedAction: $"Resolve-DqcRerun -Connection {rerun.Connection}"));
                continue;
            }
            if (rerun.State == DqcRerunState.InDoubt || rerun.State == DqcRerunState.NotFound) lookFor.Add(rerun);
            else if (given) WriteObject(rerun); // settled already: as it is
        }
        if (lookFor.Count == 0) return;
        try
        {
            int requests = Run(ct => DqcRerunResolver.ResolveAsync(Client, lookFor, DqcSessionState.Reruns, ct));
            WriteVerbose($"Looked for {lookFor.Count} rerun(s) in {requests} instance listing request(s).");
        }
        catch (Exception ex) when (ErrorRecords.IsReported(ex))
        {
            foreach (var rerun in lookFor)
                WriteItemError(ex, $"Could not look for the run of job {rerun.RuleId}", rerun.RuleId);
            return;
        }
        foreach (var rerun in lookFor) WriteObject(rerun);
    }
}

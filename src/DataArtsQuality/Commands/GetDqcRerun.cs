using System.Management.Automation;
using DataArtsQuality.Completers;
using DataArtsQuality.Session;

namespace DataArtsQuality.Commands;

/// <summary>
/// Lists the reruns Restart-DqcJob sent in this process (every runspace and thread job of it), oldest first: the job,
/// when it was sent and on which connection, the new instance or whether it is in doubt, and how it was reported.
/// Also after a Ctrl+C or a stopped job. The last 10,000 are kept.
/// </summary>
[Cmdlet(VerbsCommon.Get, "DqcRerun")]
[OutputType(typeof(DqcRerun))]
public sealed class GetDqcRerun : PSCmdlet
{
    /// <summary>Only reruns of these jobs.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("RuleId")]
    [ArgumentCompleter(typeof(JobIdCompleter))]
    public DqcId[]? JobId { get; set; }

    /// <summary>Only reruns in these states (InFlight, Started, Refused, InDoubt, Found, NotFound).</summary>
    [Parameter]
    public DqcRerunState[]? State { get; set; }

    /// <summary>Only reruns whose outcome is still open: in flight, in doubt, or looked for and not found.</summary>
    [Parameter]
    public SwitchParameter Open { get; set; }

    private readonly HashSet<string> _jobIds = new HashSet<string>(StringComparer.Ordinal);

    protected override void ProcessRecord()
    {
        foreach (var id in JobId ?? Array.Empty<DqcId>())
        {
            if (id?.Value is string value) _jobIds.Add(value);
        }
    }

    protected override void EndProcessing()
    {
        var states = State is null ? null : new HashSet<DqcRerunState>(State);
        foreach (var rerun in DqcSessionState.Reruns.Snapshot())
        {
            if (_jobIds.Count > 0 && !_jobIds.Contains(rerun.RuleId)) continue;
            if (states != null && !states.Contains(rerun.State)) continue;
            if (Open && !rerun.IsOpen) continue;
            WriteObject(rerun);
        }
    }
}

namespace DataArtsQuality.Client.Reruns;

/// <summary>The lines a stopped Restart-DqcJob writes to the host for the reruns it had not reported.</summary>
internal static class DqcStopReport
{
    public static IReadOnlyList<string> Lines(IReadOnlyList<DqcRerun> unreported)
    {
        var lines = new List<string>();
        if (unreported.Count == 0) return lines;
        lines.Add(string.Format(CultureInfo.InvariantCulture,
            "Restart-DqcJob was stopped; {0} rerun(s) it sent were not reported yet:", unreported.Count));
        foreach (var rerun in unreported) lines.Add("  " + Line(rerun));
        int inDoubt = unreported.Count(r => r.InstanceId is null && r.IsOpen);
        lines.Add(inDoubt == 0
            ? "Get-DqcRerun lists every rerun of this session."
            : string.Format(CultureInfo.InvariantCulture,
                "Get-DqcRerun lists every rerun of this session; Resolve-DqcRerun looks for the run of the {0} in doubt.", inDoubt));
        return lines;
    }

    public static string Line(DqcRerun rerun)
    {
        string job = $"{DqcRuleTypes.Describe(rerun.RuleType)} {rerun.RuleId}";
        if (rerun.InstanceId != null) return $"{job}: started, instance {rerun.InstanceId}";
        return rerun.State == DqcRerunState.Refused
            ? $"{job}: not started ({rerun.Detail})"
            : $"{job}: sent, outcome unknown";
    }
}

namespace DataArtsQuality.Models;

/// <summary>How the user was told of a rerun (Get-DqcRerun's ReportedAs). Each rerun is reported once.</summary>
public enum DqcRerunReport
{
    /// <summary>Not reported yet (the cmdlet that sent it is still running).</summary>
    NotYet,
    /// <summary>As an output object (the new instance, or with -Wait its final state).</summary>
    Output,
    /// <summary>As a non-terminating error (DqcRerunOutcomeUnknown and the like).</summary>
    Error,
    /// <summary>As a warning (the pipeline stopped before its turn).</summary>
    Warning,
    /// <summary>In the report written to the host when the pipeline was stopped (Ctrl+C, Stop-Job).</summary>
    StopReport,
}

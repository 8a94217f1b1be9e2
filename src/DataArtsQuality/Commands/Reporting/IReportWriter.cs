using System.Management.Automation;

namespace DataArtsQuality.Commands.Reporting;

/// <summary>
/// What <see cref="InFlightWindow{TItem, TResult}"/> needs of its cmdlet: the pump that relays and cancels, the
/// error action, and the two streams it reports on. A cmdlet (<see cref="DqcCmdlet"/>) is one; the unit tests give
/// a fake one, so the window's invariants are driven without a PowerShell pipeline.
/// </summary>
internal interface IReportWriter
{
    PipelinePump Pump { get; }

    /// <summary>Whether a non-terminating error stops the pipeline (-ErrorAction Stop).</summary>
    bool ErrorActionIsStop();

    void WriteError(ErrorRecord errorRecord);

    void WriteWarning(string text);
}

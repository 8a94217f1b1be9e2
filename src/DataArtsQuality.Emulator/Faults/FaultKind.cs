namespace DataArtsQuality.Emulator.Faults;

/// <summary>What can go wrong with one API request (queued by tests through /_emulator/faults).</summary>
public enum FaultKind
{
    /// <summary>
    /// Answer with a status instead of the service: 429 (JSON APIG.0308, optional Retry-After), 5xx (HTML page as a
    /// gateway sends).
    /// </summary>
    Status,
    /// <summary>
    /// Drop the connection without an answer: before the service acts, or after it acted (AfterProcessing).
    /// </summary>
    Reset,
    /// <summary>
    /// Wait DelayMs before acting and answering. The service acts even if the caller gave up meanwhile.
    /// </summary>
    Slow,
    /// <summary>Act, then answer 200 with a JSON body cut in the middle (well-formed HTTP, broken JSON).</summary>
    Malformed,
    /// <summary>Act, then announce the full Content-Length, send half the body and drop the connection.</summary>
    Truncate,
}

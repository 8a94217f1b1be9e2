using System.Diagnostics;

namespace DataArtsQuality.Client;

/// <summary>
/// The verbose line of one attempt: what was sent, how it ended, how long it took, which attempt it was and how
/// long it waited for the rate limit. The clock starts when the attempt goes on the wire.
/// </summary>
internal sealed class AttemptLine
{
    private readonly HttpMethod _method;
    private readonly string _path;
    private readonly string _waitNote;
    private readonly Stopwatch _watch = Stopwatch.StartNew();

    /// <summary>Starts the clock. <paramref name="waitNote"/>: ", waited 12 ms for the rate limit" or "".</summary>
    public AttemptLine(HttpMethod method, string path, int number, string waitNote)
    {
        _method = method;
        _path = path;
        Number = number;
        _waitNote = waitNote;
    }

    /// <summary>The attempt's number, 1 for the first.</summary>
    public int Number { get; }

    /// <summary>"POST /v2/…/restart -> 503 Service Unavailable in 12 ms (attempt 1)".</summary>
    public string Answered(HttpResponseMessage response) => string.Format(CultureInfo.InvariantCulture,
        "{0} {1} -> {2} {3} in {4} ms (attempt {5}{6})", _method, _path, (int)response.StatusCode,
        response.ReasonPhrase, _watch.ElapsedMilliseconds, Number, _waitNote);

    /// <summary>"GET /v2/…/instances -> no answer after 12 ms (attempt 1); retry 1 of 3 in 0.4 s".</summary>
    public string Unanswered(bool timedOut, RetryDecision decision) => string.Format(CultureInfo.InvariantCulture,
        "{0} {1} -> {2} after {3} ms (attempt {4}{5}); {6}", _method, _path, timedOut ? "timed out" : "no answer",
        _watch.ElapsedMilliseconds, Number, _waitNote, decision.Reason);
}

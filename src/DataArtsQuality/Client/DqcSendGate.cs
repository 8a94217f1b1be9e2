namespace DataArtsQuality.Client;

/// <summary>
/// Lets a caller decide, at the last moment, whether a request may go on the wire, apart from cancelling the ones
/// already there. A stopping Restart-DqcJob closes the gate (nothing more is sent, a rate-limit or retry wait ends at
/// once) and gives the requests on the wire a short grace before it cancels them.
/// </summary>
internal sealed class DqcSendGate
{
    public DqcSendGate(Func<bool> maySend, CancellationToken closed)
    {
        MaySend = maySend;
        Closed = closed;
    }

    /// <summary>
    /// Called just before each attempt goes on the wire; false: it does not go (the send ends as cancelled). The
    /// caller records the request here, so a request is on record before it can reach the service.
    /// </summary>
    public Func<bool> MaySend { get; }

    /// <summary>Cancelled when the gate closes: waits before sending (the rate limit, a retry's back-off)
    /// end.</summary>
    public CancellationToken Closed { get; }
}

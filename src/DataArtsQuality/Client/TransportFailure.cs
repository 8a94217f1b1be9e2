namespace DataArtsQuality.Client;

/// <summary>How a request attempt ended without a usable HTTP answer.</summary>
internal enum TransportFailure
{
    /// <summary>Nothing left this machine: the connection was refused, the name did not resolve, ...</summary>
    NotSent,

    /// <summary>The request may have been sent and acted on: the connection broke before a complete answer.</summary>
    MaybeSent,

    /// <summary>The attempt took longer than TimeoutSec; the request may have been acted on.</summary>
    TimedOut,

    /// <summary>The TLS handshake failed (certificate not trusted, protocol mismatch). Nothing was sent; retrying will
    /// not help.</summary>
    Tls,
}

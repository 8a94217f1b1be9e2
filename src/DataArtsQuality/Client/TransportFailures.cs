using System.Net.Sockets;

using System.Security.Authentication;

namespace DataArtsQuality.Client;

/// <summary>Tells from an exception of HttpClient whether the request can have left this machine.</summary>
internal static class TransportFailures
{
    public static TransportFailure Classify(Exception exception)
    {
        for (Exception? e = exception; e != null; e = e.InnerException)
        {
            switch (e)
            {
                case AuthenticationException:
                    return TransportFailure.Tls;
                case SocketException socket when IsBeforeSend(socket.SocketErrorCode):
                    return TransportFailure.NotSent;
                case WebException web when web.Status == WebExceptionStatus.TrustFailure || web.Status == WebExceptionStatus.SecureChannelFailure:
                    return TransportFailure.Tls;
                case WebException web when web.Status == WebExceptionStatus.ConnectFailure || web.Status == WebExceptionStatus.NameResolutionFailure
                                            || web.Status == WebExceptionStatus.ProxyNameResolutionFailure:
                    return TransportFailure.NotSent;
            }
        }
        return TransportFailure.MaybeSent;
    }

    // Errors of connect() and name resolution: no byte of the request was written.
    private static bool IsBeforeSend(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => true,
        SocketError.HostNotFound => true,
        SocketError.HostUnreachable => true,
        SocketError.NetworkUnreachable => true,
        SocketError.NetworkDown => true,
        SocketError.TryAgain => true,
        SocketError.NoData => true,
        SocketError.AddressNotAvailable => true,
        _ => false,
    };

    /// <summary>The exception for an attempt that got no HTTP answer, saying whether the request may have reached the
    /// server.</summary>
    public static DqcTransportException Describe(TransportFailure kind, HttpMethod method, Uri uri, Exception ex)
    {
        string path = uri.AbsolutePath;
        string detail = Innermost(ex).Message;
        return kind switch
        {
            TransportFailure.NotSent => new DqcTransportException(
                $"{method} {path} could not reach {uri.Host}: {detail}",
                method.Method, path, mayHaveReachedServer: false, timedOut: false, ex),
            TransportFailure.Tls => new DqcTransportException(
                $"{method} {path}: the secure connection to {uri.Host} failed ({detail}). Check the certificate; -SkipCertificateCheck on Connect-DqcWorkspace turns the check off for test systems.",
                method.Method, path, mayHaveReachedServer: false, timedOut: false, ex) { IsTlsFailure = true },
            _ => new DqcTransportException(
                $"{method} {path}: the connection to {uri.Host} broke before a complete answer: {detail}",
                method.Method, path, mayHaveReachedServer: true, timedOut: false, ex),
        };
    }

    public static Exception Innermost(Exception ex)
    {
        while (ex.InnerException != null) ex = ex.InnerException;
        return ex;
    }
}

namespace DataArtsQuality.Client;

/// <summary>
/// The request got no HTTP answer: the host could not be reached, the connection broke, or the call timed out.
/// <see cref="MayHaveReachedServer"/> says whether the service may have acted on it anyway.
/// </summary>
public class DqcTransportException : DqcException
{
    public DqcTransportException(string message, string method, string path, bool mayHaveReachedServer, bool timedOut,
        Exception? inner)
        : base(message, inner)
    {
        Method = method;
        Path = path;
        MayHaveReachedServer = mayHaveReachedServer;
        TimedOut = timedOut;
    }

    public string Method { get; }
    public string Path { get; }
    public bool MayHaveReachedServer { get; }
    public bool TimedOut { get; }

    /// <summary>The TLS handshake failed (for example an untrusted certificate).</summary>
    public bool IsTlsFailure { get; internal set; }

    public override string ErrorId => TimedOut ? "DqcTimeout" : "DqcConnectionFailed";

    public override DqcErrorCategory Category
        => TimedOut ? DqcErrorCategory.OperationTimeout : DqcErrorCategory.ConnectionError;

    public override string? RecommendedAction => IsTlsFailure
        ? "Fix the certificate trust, or for a test system only use Connect-DqcWorkspace -SkipCertificateCheck."
        : null;

    public override bool MayHaveBeenProcessed => MayHaveReachedServer;
}

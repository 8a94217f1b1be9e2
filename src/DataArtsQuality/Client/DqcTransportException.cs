using System;

namespace DataArtsQuality.Client
{
    /// <summary>
    /// The request got no HTTP answer: the host could not be reached, the connection broke, or the call timed out.
    /// <see cref="MayHaveReachedServer"/> says whether the service may have acted on it anyway.
    /// </summary>
    public class DqcTransportException : Exception
    {
        public DqcTransportException(string message, string method, string path, bool mayHaveReachedServer, bool timedOut, Exception? inner)
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

        /// <summary>How many times the request was sent (or tried) before giving up (1 = no retry).</summary>
        public int Attempts { get; internal set; } = 1;

        /// <summary>What the retry policy decided, e.g. "not retried: the POST may have reached the service".</summary>
        public string? RetryNote { get; internal set; }

        /// <summary>The TLS handshake failed (for example an untrusted certificate).</summary>
        public bool IsTlsFailure { get; internal set; }
    }
}

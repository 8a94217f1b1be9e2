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
    }
}

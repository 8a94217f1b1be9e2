using System;
using System.Net;

namespace DataArtsQuality.Client
{
    /// <summary>
    /// A non-2xx answer from DQC or the gateway in front of it. Carries what a caller needs to act on it: the HTTP
    /// status, the service's error code and message, and the gateway's request ID for a support ticket.
    /// </summary>
    public class DqcApiException : Exception
    {
        public DqcApiException(string message, HttpStatusCode statusCode, string? errorCode, string? errorMessage,
            string? requestId, string method, string path, string? responseBody, Exception? inner = null)
            : base(message, inner)
        {
            StatusCode = statusCode;
            ErrorCode = errorCode;
            ErrorMessage = errorMessage;
            RequestId = requestId;
            Method = method;
            Path = path;
            ResponseBody = responseBody;
        }

        public HttpStatusCode StatusCode { get; }

        /// <summary>The service's code, e.g. DQC.0400 or APIG.0301; null when the body carried none.</summary>
        public string? ErrorCode { get; }

        public string? ErrorMessage { get; }

        /// <summary>The gateway's request ID (body field request_id or header X-Request-Id), when present.</summary>
        public string? RequestId { get; }

        public string Method { get; }

        /// <summary>The request path (no host, no query).</summary>
        public string Path { get; }

        /// <summary>The start of the response body, for diagnosis (at most 4 KB).</summary>
        public string? ResponseBody { get; }

        /// <summary>How many times the request was sent before this answer was given up on (1 = no retry).</summary>
        public int Attempts { get; internal set; } = 1;

        /// <summary>What the retry policy decided about this answer, e.g. "gave up after 5 attempts".</summary>
        public string? RetryNote { get; internal set; }
    }

    /// <summary>A 200 answer whose body could not be read as the documented JSON.</summary>
    public class DqcResponseFormatException : Exception
    {
        public DqcResponseFormatException(string message, Exception? inner = null) : base(message, inner) { }
    }
}

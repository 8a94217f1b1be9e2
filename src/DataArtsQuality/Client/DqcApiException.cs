namespace DataArtsQuality.Client;

/// <summary>
/// A non-2xx answer from DQC or the gateway in front of it. Carries what a caller needs to act on it: the HTTP
/// status, the service's error code and message, and the gateway's request ID for a support ticket.
/// </summary>
public class DqcApiException : DqcException
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

    public override string ErrorId => Classify(StatusCode).Id;

    public override DqcErrorCategory Category => Classify(StatusCode).Category;

    public override string? RecommendedAction => Category == DqcErrorCategory.LimitsExceeded
        ? "Lower -ThrottleLimit, or lower the client-side limit with Set-DqcConfig -RateLimitCount/-RateLimitPeriodSec."
        : null;

    public override bool MayHaveBeenProcessed => RetryPolicy.MayHaveBeenProcessed(StatusCode);

    /// <summary>Stable error IDs and categories by HTTP status, so scripts can catch them.</summary>
    public static (string Id, DqcErrorCategory Category) Classify(HttpStatusCode status)
    {
        int code = (int)status;
        return code switch
        {
            400 => ("DqcBadRequest", DqcErrorCategory.InvalidArgument),
            401 => ("DqcAuthenticationFailed", DqcErrorCategory.AuthenticationError),
            403 => ("DqcPermissionDenied", DqcErrorCategory.PermissionDenied),
            404 => ("DqcNotFound", DqcErrorCategory.ObjectNotFound),
            406 => ("DqcNotAcceptable", DqcErrorCategory.InvalidOperation),
            409 => ("DqcConflict", DqcErrorCategory.ResourceExists),
            429 => ("DqcThrottled", DqcErrorCategory.LimitsExceeded),
            _ when code >= 500 => ("DqcServiceError", DqcErrorCategory.ConnectionError),
            _ => ("DqcApiError", DqcErrorCategory.NotSpecified),
        };
    }
}

/// <summary>A 200 answer whose body could not be read as the documented JSON.</summary>
public class DqcResponseFormatException : DqcException
{
    public DqcResponseFormatException(string message, Exception? inner = null) : base(message, inner) { }

    public override string ErrorId => "DqcInvalidResponse";

    public override DqcErrorCategory Category => DqcErrorCategory.InvalidResult;
}

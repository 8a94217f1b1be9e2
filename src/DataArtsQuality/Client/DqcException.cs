namespace DataArtsQuality.Client;

/// <summary>
/// The kind of failure, named as PowerShell's ErrorCategory names it (the Commands layer maps by name), so the
/// core can classify its errors without a reference to System.Management.Automation.
/// </summary>
public enum DqcErrorCategory
{
    NotSpecified,
    InvalidArgument,
    InvalidOperation,
    InvalidResult,
    ObjectNotFound,
    ResourceExists,
    AuthenticationError,
    PermissionDenied,
    ConnectionError,
    OperationTimeout,
    LimitsExceeded,
}

/// <summary>
/// What every exception of this module carries, so that one place turns any of them into an error record and a
/// script can catch them all with one type: a stable error ID, a category, what to do about it, and the object
/// that failed. Messages never hold a secret (token, SK, password).
/// </summary>
public abstract class DqcException : Exception
{
    protected DqcException(string message, Exception? inner = null) : base(message, inner) { }

    /// <summary>The stable first part of the FullyQualifiedErrorId, e.g. DqcNotFound or DqcIdNotNumeric.</summary>
    public abstract string ErrorId { get; }

    public abstract DqcErrorCategory Category { get; }

    /// <summary>What the user can do about it; null when the message says enough.</summary>
    public virtual string? RecommendedAction => null;

    /// <summary>The object the failure is about (an ID, an endpoint); cmdlets that know the pipeline item use
    /// that.</summary>
    public virtual object? TargetObject => null;

    /// <summary>
    /// Whether the service may have acted on the request although no success came back, so resending it could do
    /// the work twice (a rerun whose outcome is unknown).
    /// </summary>
    public virtual bool MayHaveBeenProcessed => false;

    /// <summary>How many times the request was sent (or tried) before this failure was given up on (1 = no
    /// retry).</summary>
    public int Attempts { get; internal set; } = 1;

    /// <summary>What the retry policy decided when the request was given up on; null when it was not asked.</summary>
    internal RetryDecision? RetryDecision { get; set; }

    /// <summary>What the retry policy decided, in words, e.g. "not retried: the POST may have reached the
    /// service".</summary>
    public string? RetryNote => RetryDecision?.Reason;
}

/// <summary>An ID refused before any request was made: empty, not a number, negative, too large or rounded.</summary>
public sealed class DqcIdException : DqcException
{
    internal DqcIdException(DqcIds.Problem problem, string what, string? input)
        : base(DqcIds.Describe(problem, what, input ?? ""))
    {
        Problem = problem;
        Input = input ?? "";
    }

    internal DqcIds.Problem Problem { get; }

    /// <summary>The refused text, as given.</summary>
    public string Input { get; }

    public override string ErrorId => DqcIds.ErrorId(Problem);

    public override DqcErrorCategory Category => DqcErrorCategory.InvalidArgument;

    public override object? TargetObject => Input;
}

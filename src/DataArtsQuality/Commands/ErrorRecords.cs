using System.Management.Automation;

namespace DataArtsQuality.Commands;

/// <summary>
/// The one mapping from an exception to an <see cref="ErrorRecord"/>: the error ID, category, recommended action and
/// target come from <see cref="DqcException"/>, so no cmdlet lists exception types, and the same problem has the same
/// FullyQualifiedErrorId on every cmdlet.
/// </summary>
internal static class ErrorRecords
{
    /// <summary>The error ID of a refused argument that is not one of the module's own exceptions.</summary>
    public const string InvalidArgumentId = "DqcInvalidArgument";

    /// <summary>The error ID of anything the module did not expect.</summary>
    public const string UnexpectedId = "DqcUnexpectedError";

    /// <summary>
    /// Whether a cmdlet reports the exception as an error record (and goes on with the next item) rather than letting
    /// it end the pipeline: the module's own failures and refused arguments.
    /// </summary>
    public static bool IsReported(Exception ex) => ex is DqcException || ex is ArgumentException;

    /// <summary>
    /// The error record for <paramref name="exception"/>. <paramref name="context"/> says what was being done
    /// ("Could not re-run quality job 123"); <paramref name="target"/> is the pipeline item, else the exception's own
    /// target is used.
    /// </summary>
    public static ErrorRecord From(Exception exception, string context, object? target)
    {
        var (id, category) = Classify(exception);
        var dqc = exception as DqcException;
        int attempts = dqc?.Attempts ?? 1;
        string message = $"{context}: {exception.Message}" +
            (attempts > 1 ? $" (gave up after {attempts} attempts)" : "");
        if (dqc?.RetryDecision is { ExplainsTheError: true } decision)
            message = message.TrimEnd('.') + "; " + decision.Reason + ".";
        return Create(exception, id, category, target ?? dqc?.TargetObject, message, dqc?.RecommendedAction);
    }

    /// <summary>The error ID and category of an exception: the module's own say theirs; other refused arguments and
    /// anything unexpected get one fixed ID each.</summary>
    public static (string Id, ErrorCategory Category) Classify(Exception exception) => exception switch
    {
        DqcException dqc => (dqc.ErrorId, ToCategory(dqc.Category)),
        ArgumentException => (InvalidArgumentId, ErrorCategory.InvalidArgument),
        _ => (UnexpectedId, ErrorCategory.NotSpecified),
    };

    /// <summary>PowerShell's category of the same name (<see cref="DqcErrorCategory"/> names only ErrorCategory
    /// members).</summary>
    public static ErrorCategory ToCategory(DqcErrorCategory category)
        => Enum.TryParse(category.ToString(), out ErrorCategory mapped) ? mapped : ErrorCategory.NotSpecified;

    /// <summary>
    /// An error record for a failure the cmdlet itself detects (not connected, no such instance, a wait that ran out):
    /// the message shown is <paramref name="message"/>, else the exception's.
    /// </summary>
    public static ErrorRecord Create(Exception exception, string errorId, ErrorCategory category, object? target,
        string? message = null, string? recommendedAction = null)
        => new ErrorRecord(exception, errorId, category, target)
        {
            ErrorDetails = new ErrorDetails(message ?? exception.Message) { RecommendedAction = recommendedAction },
        };

    /// <summary>An error record for input refused before any request was made.</summary>
    public static ErrorRecord InvalidInput(string errorId, string message, object? target)
        => Create(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target);

    /// <summary>
    /// The one ID check every cmdlet uses: null when <paramref name="raw"/> is a usable ID (its exact text in
    /// <paramref name="id"/>), otherwise the error record for it, with the same wording and error ID on every cmdlet
    /// (DqcIdEmpty, DqcIdNotNumeric, DqcIdNotPositive, DqcIdOutOfRange, DqcIdLostPrecision). <paramref name="what"/> is
    /// the parameter's noun ("rule ID", "instance ID"); the target is <paramref name="target"/>, else the input.
    /// </summary>
    public static ErrorRecord? IdRefusal(DqcId? raw, string what, out string id, object? target = null)
    {
        var value = raw ?? new DqcId((string?)null);
        id = value.Value;
        if (value.IsValid) return null;
        var refused = new DqcIdException(value.Problem, what, value.Value);
        return Create(refused, refused.ErrorId, ToCategory(refused.Category), target ?? value.Value);
    }
}

namespace DataArtsQuality.Client.Reruns;

/// <summary>
/// The state a conditional rerun is measured against (like an HTTP If-Match): start the job only if it has not
/// started a run since <see cref="Since"/>.
/// </summary>
internal sealed class DqcRerunCondition
{
    public DqcRerunCondition(DateTimeOffset since, bool callersClock, string? referenceInstanceId)
    {
        Since = since;
        CallersClock = callersClock;
        ReferenceInstanceId = referenceInstanceId;
    }

    /// <summary>The start of the run the caller saw (a piped run's StartTime) or a time they gave.</summary>
    public DateTimeOffset Since { get; }

    /// <summary>
    /// True when <see cref="Since"/> is a time the caller gave (this machine's clock), false when it came from the
    /// service (a run's start). The caller's clock may be ahead of the service's: a run that started up to
    /// <see cref="DqcRerunResolver.ClockSkew"/> before such a time still counts as newer, in favour of not running a
    /// job twice.
    /// </summary>
    public bool CallersClock { get; }

    /// <summary>The run the caller saw, when the input was a run: never "newer" than itself.</summary>
    public string? ReferenceInstanceId { get; }

    /// <summary>The earliest start (service's clock) that counts as a newer run.</summary>
    public DateTimeOffset NewerFrom => CallersClock ? Since - DqcRerunResolver.ClockSkew : Since;
}

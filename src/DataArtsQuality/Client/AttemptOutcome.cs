using System.Runtime.ExceptionServices;

namespace DataArtsQuality.Client;

/// <summary>
/// How one attempt of <see cref="TransportAttempt"/> ended: a closed set of cases, one for each thing
/// <see cref="DqcTransport"/>'s loop does next (return, renew the credential, retry, or end with an error).
/// The cases that may be retried carry the <see cref="RetryPolicy"/>'s decision, made when the attempt ended.
/// </summary>
internal abstract class AttemptOutcome
{
    // Closed: the cases below are the only ones.
    private AttemptOutcome() { }

    /// <summary>A 2xx whose body was read.</summary>
    public sealed class Answered : AttemptOutcome
    {
        public Answered(TransportAnswer answer) => Answer = answer;

        public TransportAnswer Answer { get; }
    }

    /// <summary>
    /// A 2xx to a request that must not be sent twice, whose body could not be read (it broke or did not arrive
    /// within TimeoutSec). The service did the work: the send ends with <see cref="Error"/>, never with a retry.
    /// </summary>
    public sealed class AnsweredUnread : AttemptOutcome
    {
        public AnsweredUnread(DqcResponseFormatException error) => Error = error;

        public DqcResponseFormatException Error { get; }
    }

    /// <summary>A 401 the credential may renew itself after (once per send); the loop asks it to.</summary>
    public sealed class Unauthorized : AttemptOutcome
    {
        public Unauthorized(DqcApiException error) => Error = error;

        public DqcApiException Error { get; }
    }

    /// <summary>A non-2xx answer, with what the retry policy made of it.</summary>
    public sealed class Refused : AttemptOutcome
    {
        public Refused(DqcApiException error, RetryDecision decision)
        {
            Error = error;
            Decision = decision;
        }

        public DqcApiException Error { get; }

        public RetryDecision Decision { get; }

        /// <summary>A 429: the gateway's rate limit, which holds for all of the user's requests.</summary>
        public bool IsThrottled => (int)Error.StatusCode == 429;
    }

    /// <summary>No usable answer; <see cref="Kind"/> says if the request can have reached the service.</summary>
    public abstract class NoAnswer : AttemptOutcome
    {
        private protected NoAnswer(TransportFailure kind, DqcTransportException error, RetryDecision decision)
        {
            Kind = kind;
            Error = error;
            Decision = decision;
        }

        public TransportFailure Kind { get; }

        public DqcTransportException Error { get; }

        public RetryDecision Decision { get; }
    }

    /// <summary>
    /// Nothing reached the service: the connection was refused, the name did not resolve, the TLS handshake failed
    /// (<see cref="TransportFailure.NotSent"/> or <see cref="TransportFailure.Tls"/>).
    /// </summary>
    public sealed class BrokenBeforeSent : NoAnswer
    {
        public BrokenBeforeSent(TransportFailure kind, DqcTransportException error, RetryDecision decision)
            : base(kind, error, decision) { }
    }

    /// <summary>
    /// The request may have reached the service and been carried out: the connection broke, or the HTTP stack
    /// gave up, before a complete answer; or a 2xx to a request that may be sent twice could not be read.
    /// </summary>
    public sealed class BrokenAfterSent : NoAnswer
    {
        public BrokenAfterSent(DqcTransportException error, RetryDecision decision)
            : base(TransportFailure.MaybeSent, error, decision) { }
    }

    /// <summary>No complete answer within TimeoutSec; the request may have been carried out.</summary>
    public sealed class TimedOut : NoAnswer
    {
        public TimedOut(DqcTransportException error, RetryDecision decision)
            : base(TransportFailure.TimedOut, error, decision) { }
    }

    /// <summary>The send gate said no just before the request would have gone on the wire: nothing was sent.
    /// </summary>
    public sealed class Withheld : AttemptOutcome
    {
        public Withheld(OperationCanceledException error) => Error = error;

        public OperationCanceledException Error { get; }
    }

    /// <summary>
    /// The caller cancelled (Ctrl+C) while the request was on the wire: the cancellation as it came, or one that
    /// wraps what broke because of it.
    /// </summary>
    public sealed class Cancelled : AttemptOutcome
    {
        private readonly ExceptionDispatchInfo _error;

        public Cancelled(OperationCanceledException error) => _error = ExceptionDispatchInfo.Capture(error);

        public Exception Error => _error.SourceException;

        /// <summary>Throws the cancellation with the stack it came with.</summary>
        public void Throw() => _error.Throw();
    }
}

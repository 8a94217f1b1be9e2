namespace DataArtsQuality.Client;

/// <summary>
/// The one send path of the module: every HTTP call, to DQC, Management Center and IAM, goes through it. Each
/// attempt waits for the rate limiter (when there is one), is signed by the credential, runs under one timeout that
/// covers the headers and the whole body, ends at Ctrl+C, is logged with secrets redacted, and is sent again only
/// where <see cref="RetryPolicy"/> says nothing can run twice. A 401 gives the credential one chance to renew
/// itself.
/// </summary>
/// <remarks>
/// Who owns what: <see cref="TransportAttempt"/> makes one attempt and says how it ended
/// (<see cref="AttemptOutcome"/>, with the retry policy's decision); this loop owns the rate limiter (a slot
/// per attempt, settled once the attempt ended, the 429 slow-down and pause), the waits between attempts and the
/// one renewal of the credential after a 401.
/// Invariants:
/// <list type="bullet">
/// <item>An attempt is sent again only when its outcome's <see cref="RetryDecision.Retry"/> says so, or after the
/// credential was renewed following a 401 (the service refused it, so nothing ran). The decision is the
/// <see cref="RetryPolicy"/>'s, which never retries a request that may have reached the service unless it is a
/// read or <see cref="TransportRequest.RepeatSafe"/>.</item>
/// <item>Every slot taken is settled once its attempt ended, except when the caller cancelled while the request
/// was on the wire (the send ends at once) or the message could not be signed (the exception ends it).</item>
/// <item>The waits before an attempt (the rate limit, the back-off) also end when the send gate closes; the
/// request on the wire is cancelled only by the caller's token.</item>
/// </list>
/// </remarks>
internal static class DqcTransport
{
    /// <summary>
    /// Sends <paramref name="request"/> and returns its 2xx answer. A non-2xx answer becomes a
    /// <see cref="DqcApiException"/>, no answer a <see cref="DqcTransportException"/>; a 2xx whose body cannot be
    /// read is a <see cref="DqcResponseFormatException"/> (the service did the work). <paramref name="limiter"/>
    /// null: the calls are not counted against a DQC user's rate limit (IAM).
    /// </summary>
    public static async Task<TransportAnswer> SendAsync(HttpClient http, TransportRequest request,
        DqcSettings settings, RateLimiter? limiter, IDqcLog log, CancellationToken cancellationToken)
    {
        var attempt = new TransportAttempt(http, request, settings, new RetryPolicy(settings), log,
            cancellationToken);
        // With a gate, the waits before a send (rate limit, back-off) also end when the gate closes.
        using var beforeSend = request.Gate is null ? null
            : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, request.Gate.Closed);
        var waitToken = beforeSend?.Token ?? cancellationToken;
        // Slots go through the user's state file only under a limit (RateLimitCount 0: no limit, and no file cost
        // on every request); a 429's pause and slow-down are shared either way.
        bool shareSlots = settings.SharedRateLimit && settings.RateLimitCount > 0;
        bool renewed = false;
        for (int number = 1; ; number++)
        {
            waitToken.ThrowIfCancellationRequested();
            var (slot, waitNote) = await ReserveAsync(limiter, settings, shareSlots, waitToken)
                .ConfigureAwait(false);
            var outcome = await attempt.RunAsync(number, waitNote, mayRenewCredential: !renewed)
                .ConfigureAwait(false);
            if (outcome is AttemptOutcome.Cancelled cancelled) cancelled.Throw();
            // Answered, refused or failed: the gateway saw the request by now (if at all).
            limiter?.Settle(slot, shareSlots);
            switch (outcome)
            {
                case AttemptOutcome.Answered answered:
                    return answered.Answer;
                case AttemptOutcome.Unauthorized unauthorized:
                    await RenewAsync(request, unauthorized.Error, log, cancellationToken).ConfigureAwait(false);
                    renewed = true;
                    continue;
                case AttemptOutcome.Refused { IsThrottled: true, Decision.Retry: true } refused
                    when limiter != null:
                    // Throttled: hold back every request of this user, not only this one, and send fewer per
                    // period from now (the adaptive rate). The limiter then makes this request wait too (at the
                    // top of the loop), so it waits once; a Retry-After is the pause's length when there is one.
                    limiter.Throttled(slot, settings.RateLimitCount, settings.RateLimitPeriod,
                        settings.SharedRateLimit);
                    limiter.Pause(refused.Decision.Delay, settings.SharedRateLimit);
                    continue;
            }
            var decision = Retry(outcome, number);
            if (decision.Delay > TimeSpan.Zero)
                await Task.Delay(decision.Delay, waitToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Asks the credential to renew itself after a 401, or ends the send with the 401. Sending again after a
    /// renewal runs nothing twice: the 401 says the service did nothing with the request.
    /// </summary>
    private static async Task RenewAsync(TransportRequest request, DqcApiException unauthorized, IDqcLog log,
        CancellationToken cancellationToken)
    {
        if (!await request.Authenticator!.TryRecoverAsync(unauthorized, cancellationToken).ConfigureAwait(false))
            throw unauthorized;
        log.Verbose($"{request.Method} {request.Uri.AbsolutePath}: credential renewed after 401, sending again");
    }

    /// <summary>A slot of the user's rate limit (none without a limiter), and the verbose line's note.</summary>
    private static async Task<(TimeSpan Slot, string WaitNote)> ReserveAsync(RateLimiter? limiter,
        DqcSettings settings, bool shareSlots, CancellationToken waitToken)
    {
        if (limiter is null) return (TimeSpan.Zero, "");
        var (waited, slot) = await limiter.ReserveAsync(settings.RateLimitCount, settings.RateLimitPeriod,
            waitToken, shareSlots).ConfigureAwait(false);
        string note = waited.TotalMilliseconds < 1 ? ""
            : string.Format(CultureInfo.InvariantCulture, ", waited {0:0} ms for the rate limit",
                waited.TotalMilliseconds);
        return (slot, note);
    }

    /// <summary>
    /// The decision of an outcome that is sent again; every other outcome ends the send here with its error
    /// (a give-up carries the attempts and the decision, for the error record).
    /// </summary>
    private static RetryDecision Retry(AttemptOutcome outcome, int attempts)
    {
        switch (outcome)
        {
            case AttemptOutcome.Refused { Decision.Retry: true } refused:
                return refused.Decision;
            case AttemptOutcome.NoAnswer { Decision.Retry: true } unanswered:
                return unanswered.Decision;
            case AttemptOutcome.Refused refused:
                throw GivenUp(refused.Error, refused.Decision, attempts);
            case AttemptOutcome.NoAnswer unanswered:
                throw GivenUp(unanswered.Error, unanswered.Decision, attempts);
            case AttemptOutcome.AnsweredUnread unread:
                throw unread.Error;
            case AttemptOutcome.Withheld withheld:
                throw withheld.Error;
            default:
                throw new InvalidOperationException($"No case for the attempt outcome {outcome.GetType().Name}.");
        }
    }

    private static DqcException GivenUp(DqcException error, RetryDecision decision, int attempts)
    {
        error.Attempts = attempts;
        error.RetryDecision = decision;
        return error;
    }
}

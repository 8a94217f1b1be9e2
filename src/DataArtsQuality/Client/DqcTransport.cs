using System.Diagnostics;

using System.Net.Http.Headers;

namespace DataArtsQuality.Client
{
    /// <summary>
    /// The one send path of the module: every HTTP call, to DQC, Management Center and IAM, goes through it. Each
    /// attempt waits for the rate limiter (when there is one), is signed by the credential, runs under one timeout that
    /// covers the headers and the whole body, ends at Ctrl+C, is logged with secrets redacted, and is sent again only
    /// where <see cref="RetryPolicy"/> says nothing can run twice. A 401 gives the credential one chance to renew itself.
    /// </summary>
    internal static class DqcTransport
    {
        private static readonly MediaTypeHeaderValue JsonContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };

        /// <summary>
        /// Sends <paramref name="request"/> and returns its 2xx answer. A non-2xx answer becomes a
        /// <see cref="DqcApiException"/>, no answer a <see cref="DqcTransportException"/>; a 2xx whose body cannot be read
        /// is a <see cref="DqcResponseFormatException"/> (the service did the work). <paramref name="limiter"/> null: the
        /// calls are not counted against a DQC user's rate limit (IAM).
        /// </summary>
        public static async Task<TransportAnswer> SendAsync(HttpClient http, TransportRequest request, DqcSettings settings,
            RateLimiter? limiter, IDqcLog log, CancellationToken cancellationToken)
        {
            HttpMethod method = request.Method;
            Uri uri = request.Uri;
            string path = uri.AbsolutePath;
            var policy = new RetryPolicy(settings);
            bool recovered = false;
            // With a gate, the waits before a send (rate limit, back-off) also end when the gate closes.
            using var beforeSend = request.Gate is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, request.Gate.Closed);
            var waitToken = beforeSend?.Token ?? cancellationToken;
            // Slots go through the user's state file only under a limit (RateLimitCount 0: no limit, and no file cost on
            // every request); a 429's pause and slow-down are shared either way.
            bool shareSlots = settings.SharedRateLimit && settings.RateLimitCount > 0;
            for (int attempt = 1; ; attempt++)
            {
                waitToken.ThrowIfCancellationRequested();
                string waitNote = "";
                TimeSpan slot = TimeSpan.Zero;
                if (limiter != null)
                {
                    TimeSpan waited;
                    (waited, slot) = await limiter.ReserveAsync(settings.RateLimitCount, settings.RateLimitPeriod, waitToken, shareSlots).ConfigureAwait(false);
                    if (waited.TotalMilliseconds >= 1)
                        waitNote = string.Format(CultureInfo.InvariantCulture, ", waited {0:0} ms for the rate limit", waited.TotalMilliseconds);
                }

                using var message = new HttpRequestMessage(method, uri);
                if (request.WorkspaceId != null) message.Headers.TryAddWithoutValidation("workspace", request.WorkspaceId);
                message.Headers.Accept.ParseAdd("application/json");
                // No Expect: 100-continue round trip before each POST body (.NET Framework sends one by default).
                message.Headers.ExpectContinue = false;
                if (request.Body != null)
                {
                    message.Content = new ByteArrayContent(request.Body);
                    message.Content.Headers.ContentType = request.ContentType ?? JsonContentType;
                }
                if (request.Authenticator != null)
                    await request.Authenticator.AuthenticateAsync(message, request.Body, cancellationToken).ConfigureAwait(false);
                if (log.IsDebugEnabled) log.Debug("HTTP request\n" + HttpLogFormatter.Request(message, request.Body));

                if (request.Gate != null && !request.Gate.MaySend())
                {
                    limiter?.Settle(slot, shareSlots);
                    throw new OperationCanceledException($"{method} {path} was not sent: the caller stopped sending.");
                }

                var watch = Stopwatch.StartNew();
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(settings.Timeout);
                HttpResponseMessage? response = null;
                byte[] responseBody = Array.Empty<byte>();
                DqcTransportException? failure = null;
                TransportFailure failureKind = TransportFailure.MaybeSent;
                Exception? unreadable2xx = null;
                try
                {
                    // Headers first, so a 2xx whose body then breaks is known to be a 2xx: the service did the work.
                    response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                    if (response.Content != null)
                    {
                        // The body is read under the same timeout and cancellation as the headers.
                        var answer = response;
                        using (timeout.Token.Register(() => answer.Dispose()))
                        {
                            try
                            {
                                responseBody = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                            }
                            catch (Exception ex) when (response.IsSuccessStatusCode && !cancellationToken.IsCancellationRequested
                                && (ex is IOException || ex is HttpRequestException || ex is ObjectDisposedException || ex is OperationCanceledException))
                            {
                                unreadable2xx = ex;
                            }
                        }
                    }
                }
                catch (Exception ex) when (cancellationToken.IsCancellationRequested && !(ex is OperationCanceledException))
                {
                    // The caller cancelled (Ctrl+C) and the read broke because of it: a cancellation, not a broken connection.
                    response?.Dispose();
                    throw new OperationCanceledException("The request was cancelled.", ex, cancellationToken);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested && timeout.IsCancellationRequested
                    && (ex is OperationCanceledException || ex is ObjectDisposedException || ex is IOException || ex is HttpRequestException))
                {
                    response?.Dispose();
                    response = null;
                    failureKind = TransportFailure.TimedOut;
                    failure = TimedOut(method, path, settings, ex);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested && (ex is OperationCanceledException || ex is ObjectDisposedException))
                {
                    // Cancelled, but neither by the caller nor by its own timeout (the HTTP stack gave up or was shut
                    // down): say so, and never call it a timeout.
                    response?.Dispose();
                    response = null;
                    failureKind = TransportFailure.MaybeSent;
                    failure = new DqcTransportException($"{method} {path}: the request to {uri.Host} was cancelled before a complete answer ({TransportFailures.Innermost(ex).Message}).",
                        method.Method, path, mayHaveReachedServer: true, timedOut: false, ex);
                }
                catch (Exception ex) when (ex is HttpRequestException || ex is IOException)
                {
                    response?.Dispose();
                    response = null;
                    failureKind = TransportFailures.Classify(ex);
                    failure = TransportFailures.Describe(failureKind, method, uri, ex);
                }

                if (unreadable2xx != null && (request.RepeatSafe || RetryPolicy.IsIdempotent(method)))
                {
                    // A request that may be sent twice treats a 2xx it could not read as no answer, and so may be retried.
                    // A write keeps the 2xx (below): the service did the work, and sending it again could do it twice.
                    response!.Dispose();
                    response = null;
                    failureKind = timeout.IsCancellationRequested ? TransportFailure.TimedOut : TransportFailure.MaybeSent;
                    failure = failureKind == TransportFailure.TimedOut ? TimedOut(method, path, settings, unreadable2xx)
                        : TransportFailures.Describe(failureKind, method, uri, unreadable2xx);
                }

                // Answered or failed: the gateway saw the request by now (if at all).
                limiter?.Settle(slot, shareSlots);

                RetryDecision decision;
                if (failure != null)
                {
                    decision = policy.ForFailure(method, failureKind, attempt, request.RepeatSafe);
                    if (log.IsVerboseEnabled) log.Verbose(string.Format(CultureInfo.InvariantCulture, "{0} {1} -> {2} after {3} ms (attempt {4}{5}); {6}",
                        method, path, failureKind == TransportFailure.TimedOut ? "timed out" : "no answer", watch.ElapsedMilliseconds,
                        attempt, waitNote, decision.Reason));
                    if (!decision.Retry)
                    {
                        failure.Attempts = attempt;
                        failure.RetryDecision = decision;
                        throw failure;
                    }
                }
                else
                {
                    using (response)
                    {
                        var status = response!.StatusCode;
                        // Formatted only for a verbose reader: the hot path of a long pipeline skips it.
                        var answered = response;
                        long elapsed = watch.ElapsedMilliseconds;
                        string Outcome() => string.Format(CultureInfo.InvariantCulture, "{0} {1} -> {2} {3} in {4} ms (attempt {5}{6})",
                            method, path, (int)status, answered.ReasonPhrase, elapsed, attempt, waitNote);
                        if (response.IsSuccessStatusCode && unreadable2xx != null)
                        {
                            if (log.IsVerboseEnabled) log.Verbose(Outcome() + "; the body could not be read");
                            string why = timeout.IsCancellationRequested
                                ? string.Format(CultureInfo.InvariantCulture, "did not arrive within {0:0.###} s (TimeoutSec)", settings.TimeoutSec)
                                : "could not be read: " + TransportFailures.Innermost(unreadable2xx).Message;
                            throw new DqcResponseFormatException($"{method} {path} answered {(int)status} {response.ReasonPhrase} but its body {why}", unreadable2xx);
                        }
                        if (response.IsSuccessStatusCode)
                        {
                            if (log.IsVerboseEnabled) log.Verbose(Outcome());
                            if (log.IsDebugEnabled) log.Debug("HTTP response\n" + HttpLogFormatter.Response(response, responseBody));
                            return new TransportAnswer(status, responseBody, KeptHeaders(response, request.KeepResponseHeaders));
                        }

                        var error = DqcErrorReader.Read(response, responseBody, method.Method, path);
                        if (request.ImproveError != null) error = request.ImproveError(error);
                        if (status == HttpStatusCode.Unauthorized && !recovered && request.AllowCredentialRenewal && request.Authenticator != null)
                        {
                            if (log.IsVerboseEnabled) log.Verbose(Outcome());
                            if (log.IsDebugEnabled) log.Debug("HTTP response\n" + HttpLogFormatter.Response(response, responseBody));
                            if (await request.Authenticator.TryRecoverAsync(error, cancellationToken).ConfigureAwait(false))
                            {
                                recovered = true;
                                log.Verbose($"{method} {path}: credential renewed after 401, sending again");
                                continue;
                            }
                            throw error;
                        }

                        decision = policy.ForResponse(method, status, response.Headers.RetryAfter, attempt, DateTimeOffset.UtcNow, request.RepeatSafe);
                        if (log.IsVerboseEnabled) log.Verbose(Outcome() + "; " + decision.Reason);
                        if (log.IsDebugEnabled) log.Debug("HTTP response\n" + HttpLogFormatter.Response(response, responseBody));
                        if (!decision.Retry)
                        {
                            error.Attempts = attempt;
                            error.RetryDecision = decision;
                            throw error;
                        }
                        if ((int)status == 429 && limiter != null)
                        {
                            // Throttled: hold back every request of this user, not only this one, and send fewer per
                            // period from now (the adaptive rate). The limiter then makes this request wait too (at the
                            // top of the loop), so it waits once; a Retry-After is the pause's length when there is one.
                            limiter.Throttled(slot, settings.RateLimitCount, settings.RateLimitPeriod, settings.SharedRateLimit);
                            limiter.Pause(decision.Delay, settings.SharedRateLimit);
                            continue;
                        }
                    }
                }

                if (decision.Delay > TimeSpan.Zero)
                    await Task.Delay(decision.Delay, waitToken).ConfigureAwait(false);
            }
        }

        private static DqcTransportException TimedOut(HttpMethod method, string path, DqcSettings settings, Exception ex) =>
            new DqcTransportException(
                string.Format(CultureInfo.InvariantCulture, "{0} {1} timed out after {2:0.###} s (TimeoutSec).", method, path, settings.TimeoutSec),
                method.Method, path, mayHaveReachedServer: true, timedOut: true, ex);

        private static Dictionary<string, string>? KeptHeaders(HttpResponseMessage response, IReadOnlyCollection<string>? names)
        {
            if (names is null || names.Count == 0) return null;
            var kept = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (string name in names)
            {
                if (response.Headers.TryGetValues(name, out var values)) kept[name] = values.First();
            }
            return kept;
        }
    }
}

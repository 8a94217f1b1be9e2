using System.Diagnostics;
using System.Net.Http.Headers;

namespace DataArtsQuality.Client;

/// <summary>
/// One attempt of one request: builds and signs the message, asks the send gate, sends it under one timeout that
/// covers the headers and the whole body, and says how it ended as an <see cref="AttemptOutcome"/>, with the retry
/// policy's decision where a retry is possible. It logs the attempt's verbose and debug lines; the rate limiter,
/// the waits, the retries and the credential's renewal belong to <see cref="DqcTransport"/>'s loop.
/// </summary>
/// <remarks>
/// Invariants (what keeps a rerun from running twice):
/// <list type="bullet">
/// <item>An outcome that may be retried is <see cref="AttemptOutcome.BrokenBeforeSent"/> only when nothing of the
/// request can have left this machine (<see cref="TransportFailures.Classify"/>); anything that may have been
/// sent is <see cref="AttemptOutcome.BrokenAfterSent"/> or <see cref="AttemptOutcome.TimedOut"/>, which the
/// policy retries only for a read or a request marked <see cref="TransportRequest.RepeatSafe"/>.</item>
/// <item>A 2xx whose body could not be read is judged here, once: for a request that may be sent twice it is no
/// answer (and may be retried); for any other it is <see cref="AttemptOutcome.AnsweredUnread"/>, which is never
/// retried, because the service did the work.</item>
/// <item>The gate is asked after the message is signed and just before it goes on the wire, so the caller's record
/// of the request exists before the request can reach the service.</item>
/// <item>The caller's cancellation is always <see cref="AttemptOutcome.Cancelled"/>, never a broken connection or
/// a timeout, whatever the HTTP stack threw because of it.</item>
/// </list>
/// </remarks>
internal sealed class TransportAttempt
{
    private static readonly MediaTypeHeaderValue JsonContentType =
        new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly TransportRequest _request;
    private readonly DqcSettings _settings;
    private readonly RetryPolicy _policy;
    private readonly IDqcLog _log;
    private readonly CancellationToken _cancellationToken;

    public TransportAttempt(HttpClient http, TransportRequest request, DqcSettings settings, RetryPolicy policy,
        IDqcLog log, CancellationToken cancellationToken)
    {
        _http = http;
        _request = request;
        _settings = settings;
        _policy = policy;
        _log = log;
        _cancellationToken = cancellationToken;
    }

    private HttpMethod Method => _request.Method;

    private string Path => _request.Uri.AbsolutePath;

    /// <summary>
    /// Makes attempt number <paramref name="number"/> (1 for the first). <paramref name="waitNote"/> goes into the
    /// verbose line (the rate limit's wait); <paramref name="mayRenewCredential"/> false: a 401 is an answer like
    /// any other (the credential was renewed once already in this send). An exception the HTTP stack should never
    /// throw (a bug, not a failure of the network) is not an outcome: it ends the send as it is.
    /// </summary>
    public async Task<AttemptOutcome> RunAsync(int number, string waitNote, bool mayRenewCredential)
    {
        using var message = await BuildMessageAsync().ConfigureAwait(false);
        if (_request.Gate != null && !_request.Gate.MaySend())
        {
            return new AttemptOutcome.Withheld(
                new OperationCanceledException($"{Method} {Path} was not sent: the caller stopped sending."));
        }

        var line = new AttemptLine(Method, Path, number, waitNote);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_cancellationToken);
        timeout.CancelAfter(_settings.Timeout);
        HttpResponseMessage? response = null;
        byte[] body;
        Exception? bodyLost;
        try
        {
            // Headers first, so a 2xx whose body then breaks is known to be a 2xx: the service did the work.
            response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token)
                .ConfigureAwait(false);
            (body, bodyLost) = await ReadBodyAsync(response, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            var outcome = Unanswered(ex, timeout.IsCancellationRequested, line);
            if (outcome is null) throw;
            response?.Dispose();
            return outcome;
        }
        if (bodyLost != null) return BodyLost(response, bodyLost, timeout.IsCancellationRequested, line);
        using (response) return Judge(response, body, mayRenewCredential, line);
    }

    private async Task<HttpRequestMessage> BuildMessageAsync()
    {
        var message = new HttpRequestMessage(Method, _request.Uri);
        if (_request.WorkspaceId != null)
            message.Headers.TryAddWithoutValidation("workspace", _request.WorkspaceId);
        message.Headers.Accept.ParseAdd("application/json");
        // No Expect: 100-continue round trip before each POST body (.NET Framework sends one by default).
        message.Headers.ExpectContinue = false;
        if (_request.Body != null)
        {
            message.Content = new ByteArrayContent(_request.Body);
            message.Content.Headers.ContentType = _request.ContentType ?? JsonContentType;
        }
        if (_request.Authenticator != null)
        {
            await _request.Authenticator.AuthenticateAsync(message, _request.Body, _cancellationToken)
                .ConfigureAwait(false);
        }
        if (_log.IsDebugEnabled) _log.Debug("HTTP request\n" + HttpLogFormatter.Request(message, _request.Body));
        return message;
    }

    /// <summary>
    /// The body, under the same timeout and cancellation as the headers. A 2xx body that broke or did not arrive is
    /// returned as <c>Lost</c> (the answer is known, only its body is not); any other failure of the read throws.
    /// </summary>
    private async Task<(byte[] Body, Exception? Lost)> ReadBodyAsync(HttpResponseMessage response,
        CancellationToken timeout)
    {
        if (response.Content is null) return (Array.Empty<byte>(), null);
        // The timeout ends a stalled read by disposing the answer: the read has no token of its own.
        using (timeout.Register(() => response.Dispose()))
        {
            try
            {
                return (await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false), null);
            }
            catch (Exception ex) when (response.IsSuccessStatusCode && !_cancellationToken.IsCancellationRequested
                && (ex is IOException || ex is HttpRequestException || ex is ObjectDisposedException
                    || ex is OperationCanceledException))
            {
                return (Array.Empty<byte>(), ex);
            }
        }
    }

    /// <summary>A 2xx whose body could not be read: the one place that case is judged.</summary>
    private AttemptOutcome BodyLost(HttpResponseMessage response, Exception lost, bool timedOut, AttemptLine line)
    {
        using (response)
        {
            if (_request.RepeatSafe || RetryPolicy.IsIdempotent(Method))
            {
                // Sending it twice does no harm: a 2xx it could not read is no answer, and may be retried.
                return timedOut ? TimedOut(lost, line)
                    : NoAnswer(TransportFailure.MaybeSent,
                        TransportFailures.Describe(TransportFailure.MaybeSent, Method, _request.Uri, lost), line);
            }
            // A write keeps the 2xx: the service did the work, and sending it again could do it twice.
            if (_log.IsVerboseEnabled) _log.Verbose(line.Answered(response) + "; the body could not be read");
            string why = timedOut
                ? string.Format(CultureInfo.InvariantCulture, "did not arrive within {0:0.###} s (TimeoutSec)",
                    _settings.TimeoutSec)
                : "could not be read: " + TransportFailures.Innermost(lost).Message;
            return new AttemptOutcome.AnsweredUnread(new DqcResponseFormatException(
                $"{Method} {Path} answered {(int)response.StatusCode} {response.ReasonPhrase} but its body {why}",
                lost));
        }
    }

    /// <summary>An answer with its body: a 2xx, a 401 the credential may renew itself after, or a refusal.
    /// </summary>
    private AttemptOutcome Judge(HttpResponseMessage response, byte[] body, bool mayRenewCredential,
        AttemptLine line)
    {
        var status = response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            if (_log.IsVerboseEnabled) _log.Verbose(line.Answered(response));
            LogResponse(response, body);
            return new AttemptOutcome.Answered(
                new TransportAnswer(status, body, KeptHeaders(response, _request.KeepResponseHeaders)));
        }

        var error = DqcErrorReader.Read(response, body, Method.Method, Path);
        if (_request.ImproveError != null) error = _request.ImproveError(error);
        if (status == HttpStatusCode.Unauthorized && mayRenewCredential && _request.AllowCredentialRenewal
            && _request.Authenticator != null)
        {
            if (_log.IsVerboseEnabled) _log.Verbose(line.Answered(response));
            LogResponse(response, body);
            return new AttemptOutcome.Unauthorized(error);
        }

        var decision = _policy.ForResponse(Method, status, response.Headers.RetryAfter, line.Number,
            DateTimeOffset.UtcNow, _request.RepeatSafe);
        if (_log.IsVerboseEnabled) _log.Verbose(line.Answered(response) + "; " + decision.Reason);
        LogResponse(response, body);
        return new AttemptOutcome.Refused(error, decision);
    }

    /// <summary>
    /// The case of an exception of the send or the read; null: none the network explains (a bug), and it
    /// propagates as it is. The order matters: the caller's cancellation first, then the timeout, then the rest.
    /// </summary>
    private AttemptOutcome? Unanswered(Exception ex, bool timeoutFired, AttemptLine line)
    {
        if (_cancellationToken.IsCancellationRequested)
        {
            // The caller cancelled (Ctrl+C), and what broke, broke because of it: a cancellation.
            return new AttemptOutcome.Cancelled(ex as OperationCanceledException
                ?? new OperationCanceledException("The request was cancelled.", ex, _cancellationToken));
        }
        bool cancelledOrDisposed = ex is OperationCanceledException || ex is ObjectDisposedException;
        bool broken = ex is IOException || ex is HttpRequestException;
        if (timeoutFired && (cancelledOrDisposed || broken)) return TimedOut(ex, line);
        if (cancelledOrDisposed)
        {
            // Cancelled, but neither by the caller nor by its own timeout (the HTTP stack gave up or was shut
            // down): say so, and never call it a timeout.
            return NoAnswer(TransportFailure.MaybeSent, new DqcTransportException(
                $"{Method} {Path}: the request to {_request.Uri.Host} was cancelled before a complete answer "
                + $"({TransportFailures.Innermost(ex).Message}).",
                Method.Method, Path, mayHaveReachedServer: true, timedOut: false, ex), line);
        }
        if (!broken) return null;
        var kind = TransportFailures.Classify(ex);
        return NoAnswer(kind, TransportFailures.Describe(kind, Method, _request.Uri, ex), line);
    }

    private AttemptOutcome TimedOut(Exception ex, AttemptLine line) => NoAnswer(TransportFailure.TimedOut,
        new DqcTransportException(
            string.Format(CultureInfo.InvariantCulture, "{0} {1} timed out after {2:0.###} s (TimeoutSec).",
                Method, Path, _settings.TimeoutSec),
            Method.Method, Path, mayHaveReachedServer: true, timedOut: true, ex),
        line);

    /// <summary>The case of an attempt without a usable answer, with the policy's decision on it.</summary>
    private AttemptOutcome NoAnswer(TransportFailure kind, DqcTransportException error, AttemptLine line)
    {
        // The policy, not this method, decides whether it is sent again: for MaybeSent and TimedOut only when the
        // request is a read or repeat-safe.
        var decision = _policy.ForFailure(Method, kind, line.Number, _request.RepeatSafe);
        if (_log.IsVerboseEnabled) _log.Verbose(line.Unanswered(kind == TransportFailure.TimedOut, decision));
        return kind switch
        {
            TransportFailure.TimedOut => new AttemptOutcome.TimedOut(error, decision),
            TransportFailure.MaybeSent => new AttemptOutcome.BrokenAfterSent(error, decision),
            _ => new AttemptOutcome.BrokenBeforeSent(kind, error, decision),
        };
    }

    private void LogResponse(HttpResponseMessage response, byte[] body)
    {
        if (_log.IsDebugEnabled) _log.Debug("HTTP response\n" + HttpLogFormatter.Response(response, body));
    }

    private static Dictionary<string, string>? KeptHeaders(HttpResponseMessage response,
        IReadOnlyCollection<string>? names)
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

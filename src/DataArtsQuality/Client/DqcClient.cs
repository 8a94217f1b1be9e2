using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using DataArtsQuality.Client.Json;
using DataArtsQuality.Client.Wire;
using DataArtsQuality.Models;

namespace DataArtsQuality.Client
{
    /// <summary>
    /// The DQC operations. Cheap to create: it pairs a shared <see cref="DqcConnection"/> with the log of the caller
    /// (one cmdlet invocation), so verbose output lands in the right pipeline.
    /// </summary>
    public sealed partial class DqcClient
    {
        private static readonly MediaTypeHeaderValue JsonContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };

        public DqcClient(DqcConnection connection, IDqcLog? log = null)
        {
            Connection = connection ?? throw new ArgumentNullException(nameof(connection));
            Log = log ?? NullDqcLog.Instance;
        }

        public DqcConnection Connection { get; }

        public IDqcLog Log { get; }

        /// <summary>
        /// ReStartTask: starts a new run of a quality or comparison job and returns the new instance's ID.
        /// </summary>
        public async Task<string> RestartJobAsync(DqcRuleType ruleType, string ruleId, CancellationToken cancellationToken)
        {
            string id = DqcIds.Require(ruleId, "rule ID");
            if (ruleType != DqcRuleType.Quality && ruleType != DqcRuleType.Comparison)
                throw new ArgumentOutOfRangeException(nameof(ruleType), ruleType, "The rule type must be Quality (1) or Comparison (2).");

            byte[] body = JsonSerializer.SerializeToUtf8Bytes(
                new RestartRequest { RuleType = (int)ruleType, RuleId = id }, DqcJsonContext.Default.RestartRequest);
            RestartResponse response = await SendAsync(HttpMethod.Post, Connection.QualityUri("instances/restart"), body,
                DqcJsonContext.Default.RestartResponse, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(response.InstanceId))
                throw new DqcResponseFormatException("The service accepted the rerun but returned no instance_id.");
            return response.InstanceId!;
        }

        /// <summary>
        /// Sends one request with the workspace header and credentials, and reads the JSON answer. Every non-2xx answer
        /// becomes a <see cref="DqcApiException"/>; no answer at all becomes a <see cref="DqcTransportException"/>.
        /// </summary>
        internal async Task<T> SendAsync<T>(HttpMethod method, Uri uri, byte[]? body, JsonTypeInfo<T> responseType,
            CancellationToken cancellationToken)
        {
            byte[] responseBody = await SendRawAsync(method, uri, body, cancellationToken).ConfigureAwait(false);
            try
            {
                T? value = JsonSerializer.Deserialize(responseBody, responseType);
                if (value is null)
                    throw new DqcResponseFormatException($"{method} {uri.AbsolutePath} answered 2xx with an empty JSON value.");
                return value;
            }
            catch (JsonException ex)
            {
                throw new DqcResponseFormatException(
                    $"{method} {uri.AbsolutePath} answered 2xx but the body is not the documented JSON: {ex.Message} Body: {DqcErrorReader.Summarise(System.Text.Encoding.UTF8.GetString(responseBody))}", ex);
            }
        }

        /// <summary>
        /// For operations whose reference defines no response body (BatchDeleteTemplates), or one this module only
        /// logs (the batch calls' {error_code, error_msg}, the schedule action's message, the instance record's data):
        /// any 2xx is success. An empty, blank or non-JSON body, or JSON of another shape, reads as null.
        /// </summary>
        internal async Task<T?> SendOptionalBodyAsync<T>(HttpMethod method, Uri uri, byte[]? body, JsonTypeInfo<T> responseType,
            CancellationToken cancellationToken) where T : class
        {
            byte[] responseBody = await SendRawAsync(method, uri, body, cancellationToken).ConfigureAwait(false);
            return ReadOptionalBody(responseBody, responseType, method.Method + " " + uri.AbsolutePath, Log);
        }

        internal static T? ReadOptionalBody<T>(byte[] responseBody, JsonTypeInfo<T> responseType, string what, IDqcLog log) where T : class
        {
            if (IsBlank(responseBody)) return null;
            try
            {
                return JsonSerializer.Deserialize(responseBody, responseType);
            }
            catch (JsonException ex)
            {
                if (log.IsVerboseEnabled)
                    log.Verbose($"{what}: 2xx with a body that is not the JSON this module reads ({ex.Message}); the call succeeded, the body is ignored.");
                return null;
            }
        }

        private static bool IsBlank(byte[] body)
        {
            foreach (byte b in body)
            {
                // Whitespace and a UTF-8 byte-order mark do not make a body.
                if (b != (byte)' ' && b != (byte)'\t' && b != (byte)'\r' && b != (byte)'\n' && b != 0xEF && b != 0xBB && b != 0xBF) return false;
            }
            return true;
        }

        /// <summary>
        /// Sends one request and returns the body of a 2xx answer. This is the one place every request goes through:
        /// each attempt waits for the connection's rate limiter, gets its own timeout, and a failed attempt is sent
        /// again only where <see cref="RetryPolicy"/> says that cannot run anything twice.
        /// The body is JSON unless <paramref name="contentType"/> says otherwise (multipart upload).
        /// <paramref name="sendWorkspace"/> false leaves out the workspace header (Management Center calls).
        /// </summary>
        internal async Task<byte[]> SendRawAsync(HttpMethod method, Uri uri, byte[]? body, CancellationToken cancellationToken,
            MediaTypeHeaderValue? contentType = null, bool sendWorkspace = true)
        {
            // Each request holds the connection open while it runs: a Disconnect or a replacing Connect elsewhere
            // closes it only when the last request is done.
            if (!Connection.TryAcquire())
                throw new DqcTransportException(
                    $"{method} {uri.AbsolutePath} was not sent: the connection '{Connection.Name}' was closed (Disconnect-DqcWorkspace or a newer Connect-DqcWorkspace).",
                    method.Method, uri.AbsolutePath, mayHaveReachedServer: false, timedOut: false, null);
            try
            {
                return await SendLeasedAsync(method, uri, body, cancellationToken, contentType, sendWorkspace).ConfigureAwait(false);
            }
            finally
            {
                Connection.Release();
            }
        }

        private async Task<byte[]> SendLeasedAsync(HttpMethod method, Uri uri, byte[]? body, CancellationToken cancellationToken,
            MediaTypeHeaderValue? contentType, bool sendWorkspace)
        {
            string path = uri.AbsolutePath;
            var settings = EffectiveSettings;
            var policy = new RetryPolicy(settings);
            bool recovered = false;
            for (int attempt = 1; ; attempt++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var limiter = Connection.RateLimiter;
                TimeSpan waited = await limiter.WaitAsync(settings.RateLimitCount, settings.RateLimitPeriod, cancellationToken).ConfigureAwait(false);
                string waitNote = waited.TotalMilliseconds >= 1
                    ? string.Format(CultureInfo.InvariantCulture, ", waited {0:0} ms for the rate limit", waited.TotalMilliseconds) : "";

                using var request = new HttpRequestMessage(method, uri);
                // Management Center calls (the workspace list) must go without it.
                if (sendWorkspace) request.Headers.TryAddWithoutValidation("workspace", Connection.WorkspaceId);
                request.Headers.Accept.ParseAdd("application/json");
                // No Expect: 100-continue round trip before each POST body (.NET Framework sends one by default).
                request.Headers.ExpectContinue = false;
                if (body != null)
                {
                    request.Content = new ByteArrayContent(body);
                    request.Content.Headers.ContentType = contentType ?? JsonContentType;
                }
                await Connection.Authenticator.AuthenticateAsync(request, body, cancellationToken).ConfigureAwait(false);
                if (Log.IsDebugEnabled) Log.Debug("HTTP request\n" + HttpLogFormatter.Request(request, body));

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
                    response = await Connection.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
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
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested && timeout.IsCancellationRequested
                    && (ex is OperationCanceledException || ex is ObjectDisposedException || ex is IOException || ex is HttpRequestException))
                {
                    response?.Dispose();
                    response = null;
                    failureKind = TransportFailure.TimedOut;
                    failure = new DqcTransportException(
                        string.Format(CultureInfo.InvariantCulture, "{0} {1} timed out after {2:0.###} s (TimeoutSec).", method, path, settings.TimeoutSec),
                        method.Method, path, mayHaveReachedServer: true, timedOut: true, ex);
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
                    string detail = TransportFailures.Innermost(ex).Message;
                    failure = failureKind switch
                    {
                        TransportFailure.NotSent => new DqcTransportException($"{method} {path} could not reach {uri.Host}: {detail}",
                            method.Method, path, mayHaveReachedServer: false, timedOut: false, ex),
                        TransportFailure.Tls => new DqcTransportException(
                            $"{method} {path}: the secure connection to {uri.Host} failed ({detail}). Check the certificate; -SkipCertificateCheck on Connect-DqcWorkspace turns the check off for test systems.",
                            method.Method, path, mayHaveReachedServer: false, timedOut: false, ex) { IsTlsFailure = true },
                        _ => new DqcTransportException($"{method} {path}: the connection to {uri.Host} broke before a complete answer: {detail}",
                            method.Method, path, mayHaveReachedServer: true, timedOut: false, ex),
                    };
                }

                RetryDecision decision;
                if (failure != null)
                {
                    decision = policy.ForFailure(method, failureKind, attempt);
                    if (Log.IsVerboseEnabled) Log.Verbose(string.Format(CultureInfo.InvariantCulture, "{0} {1} -> {2} after {3} ms (attempt {4}{5}); {6}",
                        method, path, failureKind == TransportFailure.TimedOut ? "timed out" : "no answer", watch.ElapsedMilliseconds,
                        attempt, waitNote, decision.Reason));
                    if (!decision.Retry)
                    {
                        failure.Attempts = attempt;
                        failure.RetryNote = decision.Reason;
                        throw failure;
                    }
                }
                else
                {
                    using (response)
                    {
                        var status = response!.StatusCode;
                        if (response.IsSuccessStatusCode && unreadable2xx != null)
                        {
                            if (Log.IsVerboseEnabled) Log.Verbose(string.Format(CultureInfo.InvariantCulture, "{0} {1} -> {2} {3} in {4} ms (attempt {5}{6}); the body could not be read",
                                method, path, (int)status, response.ReasonPhrase, watch.ElapsedMilliseconds, attempt, waitNote));
                            throw new DqcResponseFormatException(
                                $"{method} {path} answered {(int)status} {response.ReasonPhrase} but its body could not be read: {TransportFailures.Innermost(unreadable2xx).Message}",
                                unreadable2xx);
                        }
                        if (response.IsSuccessStatusCode)
                        {
                            if (Log.IsVerboseEnabled) Log.Verbose(string.Format(CultureInfo.InvariantCulture, "{0} {1} -> {2} {3} in {4} ms (attempt {5}{6})",
                                method, path, (int)status, response.ReasonPhrase, watch.ElapsedMilliseconds, attempt, waitNote));
                            if (Log.IsDebugEnabled) Log.Debug("HTTP response\n" + HttpLogFormatter.Response(response, responseBody));
                            return responseBody;
                        }

                        var error = DqcErrorReader.Read(response, responseBody, method.Method, path);
                        if (status == HttpStatusCode.Unauthorized && !recovered && AllowCredentialRenewal)
                        {
                            if (Log.IsVerboseEnabled) Log.Verbose(string.Format(CultureInfo.InvariantCulture, "{0} {1} -> {2} {3} in {4} ms (attempt {5}{6})",
                                method, path, (int)status, response.ReasonPhrase, watch.ElapsedMilliseconds, attempt, waitNote));
                            if (Log.IsDebugEnabled) Log.Debug("HTTP response\n" + HttpLogFormatter.Response(response, responseBody));
                            if (await Connection.Authenticator.TryRecoverAsync(error, cancellationToken).ConfigureAwait(false))
                            {
                                recovered = true;
                                Log.Verbose($"{method} {path}: credential renewed after 401, sending again");
                                continue;
                            }
                            throw error;
                        }

                        decision = policy.ForResponse(method, status, response.Headers.RetryAfter, attempt, DateTimeOffset.UtcNow);
                        if (Log.IsVerboseEnabled) Log.Verbose(string.Format(CultureInfo.InvariantCulture, "{0} {1} -> {2} {3} in {4} ms (attempt {5}{6}); {7}",
                            method, path, (int)status, response.ReasonPhrase, watch.ElapsedMilliseconds, attempt, waitNote, decision.Reason));
                        if (Log.IsDebugEnabled) Log.Debug("HTTP response\n" + HttpLogFormatter.Response(response, responseBody));
                        if (!decision.Retry)
                        {
                            error.Attempts = attempt;
                            error.RetryNote = decision.Reason;
                            throw error;
                        }
                        if ((int)status == 429)
                        {
                            // Throttled: hold back every request of this connection, not only this one. The limiter
                            // then makes this request wait too (at the top of the loop), so it waits once.
                            limiter.Pause(decision.Delay);
                            continue;
                        }
                    }
                }

                if (decision.Delay > TimeSpan.Zero)
                    await Task.Delay(decision.Delay, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}

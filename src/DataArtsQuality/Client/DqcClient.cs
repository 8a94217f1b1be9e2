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
            if (DqcIds.Check(ruleId, out string id) != DqcIds.Problem.None)
                throw new ArgumentException(DqcIds.Describe(DqcIds.Check(ruleId, out _), "rule ID", ruleId), nameof(ruleId));
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

        /// <summary>Sends one request and returns the body of a 2xx answer. The body is JSON unless <paramref name="contentType"/> says otherwise (multipart upload).</summary>
        internal async Task<byte[]> SendRawAsync(HttpMethod method, Uri uri, byte[]? body, CancellationToken cancellationToken,
            MediaTypeHeaderValue? contentType = null)
        {
            string path = uri.AbsolutePath;
            bool recovered = false;
            for (int attempt = 1; ; attempt++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var request = new HttpRequestMessage(method, uri);
                request.Headers.TryAddWithoutValidation("workspace", Connection.WorkspaceId);
                request.Headers.Accept.ParseAdd("application/json");
                if (body != null)
                {
                    request.Content = new ByteArrayContent(body);
                    request.Content.Headers.ContentType = contentType ?? JsonContentType;
                }
                await Connection.Authenticator.AuthenticateAsync(request, body, cancellationToken).ConfigureAwait(false);
                if (Log.IsDebugEnabled) Log.Debug("HTTP request\n" + HttpLogFormatter.Request(request, body));

                var watch = Stopwatch.StartNew();
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(Connection.RequestTimeout);
                HttpResponseMessage response;
                byte[] responseBody;
                try
                {
                    response = await Connection.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                    responseBody = response.Content == null ? Array.Empty<byte>()
                        : await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                }
                catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    Log.Verbose($"{method} {path} timed out after {watch.ElapsedMilliseconds} ms (attempt {attempt})");
                    throw new DqcTransportException(
                        string.Format(CultureInfo.InvariantCulture, "{0} {1} timed out after {2:0.#} s.", method, path, Connection.RequestTimeout.TotalSeconds),
                        method.Method, path, mayHaveReachedServer: true, timedOut: true, ex);
                }
                catch (HttpRequestException ex)
                {
                    Log.Verbose($"{method} {path} failed after {watch.ElapsedMilliseconds} ms (attempt {attempt}): {ex.Message}");
                    throw new DqcTransportException(
                        $"{method} {path} got no answer from {uri.Host}: {Innermost(ex).Message}",
                        method.Method, path, mayHaveReachedServer: method != HttpMethod.Get, timedOut: false, ex);
                }
                catch (IOException ex)
                {
                    throw new DqcTransportException($"{method} {path}: the connection to {uri.Host} broke: {ex.Message}",
                        method.Method, path, mayHaveReachedServer: true, timedOut: false, ex);
                }

                using (response)
                {
                    Log.Verbose(string.Format(CultureInfo.InvariantCulture, "{0} {1} -> {2} {3} in {4} ms (attempt {5})",
                        method, path, (int)response.StatusCode, response.ReasonPhrase, watch.ElapsedMilliseconds, attempt));
                    if (Log.IsDebugEnabled) Log.Debug("HTTP response\n" + HttpLogFormatter.Response(response, responseBody));

                    if (response.IsSuccessStatusCode)
                        return responseBody;

                    var error = DqcErrorReader.Read(response, responseBody, method.Method, path);
                    if (response.StatusCode == HttpStatusCode.Unauthorized && !recovered
                        && await Connection.Authenticator.TryRecoverAsync(error, cancellationToken).ConfigureAwait(false))
                    {
                        recovered = true;
                        Log.Verbose($"{method} {path}: credential renewed after 401, sending again");
                        continue;
                    }
                    throw error;
                }
            }
        }

        private static Exception Innermost(Exception ex)
        {
            while (ex.InnerException != null) ex = ex.InnerException;
            return ex;
        }
    }
}

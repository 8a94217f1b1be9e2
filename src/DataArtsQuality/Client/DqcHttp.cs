using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using DataArtsQuality.Client.Auth;

namespace DataArtsQuality.Client
{
    /// <summary>A 2xx answer: its status, its body and a way to read one header.</summary>
    internal sealed class HttpAnswer
    {
        public HttpAnswer(HttpStatusCode status, byte[] body, Dictionary<string, string> headers)
        {
            Status = status;
            Body = body;
            _headers = headers;
        }

        private readonly Dictionary<string, string> _headers;

        public HttpStatusCode Status { get; }
        public byte[] Body { get; }

        public string? Header(string name) => _headers.TryGetValue(name, out var v) ? v : null;
    }

    /// <summary>
    /// One HTTP exchange with IAM (login, project lookup), the only calls that do not go through DqcClient's send
    /// path; the workspace list does since it learnt to leave out the workspace header. Same logging, redaction and
    /// error mapping as DQC calls; a 401 gives the credential one chance to renew itself.
    /// </summary>
    internal static class DqcHttp
    {
        public static async Task<HttpAnswer> SendAsync(HttpClient http, HttpMethod method, Uri uri, byte[]? body,
            string? contentType, IDqcAuthenticator? authenticator, TimeSpan timeout, IDqcLog log, CancellationToken cancellationToken,
            IEnumerable<string>? keepResponseHeaders = null)
        {
            string path = uri.AbsolutePath;
            bool recovered = false;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var request = new HttpRequestMessage(method, uri);
                request.Headers.Accept.ParseAdd("application/json");
                request.Headers.ExpectContinue = false;
                if (body != null)
                {
                    request.Content = new ByteArrayContent(body);
                    request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType ?? "application/json;charset=utf8");
                }
                if (authenticator != null)
                    await authenticator.AuthenticateAsync(request, body, cancellationToken).ConfigureAwait(false);
                if (log.IsDebugEnabled) log.Debug("HTTP request\n" + HttpLogFormatter.Request(request, body));

                var watch = Stopwatch.StartNew();
                using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                limit.CancelAfter(timeout);
                HttpResponseMessage response;
                byte[] responseBody;
                try
                {
                    response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token).ConfigureAwait(false);
                    responseBody = response.Content == null ? Array.Empty<byte>()
                        : await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                }
                catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new DqcTransportException(
                        string.Format(CultureInfo.InvariantCulture, "{0} {1} at {2} timed out after {3:0.#} s.", method, path, uri.Host, timeout.TotalSeconds),
                        method.Method, path, mayHaveReachedServer: true, timedOut: true, ex);
                }
                catch (HttpRequestException ex)
                {
                    Exception inner = ex;
                    while (inner.InnerException != null) inner = inner.InnerException;
                    throw new DqcTransportException($"{method} {path} got no answer from {uri.Host}: {inner.Message}",
                        method.Method, path, mayHaveReachedServer: method != HttpMethod.Get, timedOut: false, ex);
                }
                catch (IOException ex)
                {
                    throw new DqcTransportException($"{method} {path}: the connection to {uri.Host} broke: {ex.Message}",
                        method.Method, path, mayHaveReachedServer: true, timedOut: false, ex);
                }

                using (response)
                {
                    log.Verbose(string.Format(CultureInfo.InvariantCulture, "{0} {1}{2} -> {3} {4} in {5} ms",
                        method, uri.Host, path, (int)response.StatusCode, response.ReasonPhrase, watch.ElapsedMilliseconds));
                    if (log.IsDebugEnabled) log.Debug("HTTP response\n" + HttpLogFormatter.Response(response, responseBody));

                    if (response.IsSuccessStatusCode)
                    {
                        var kept = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                        foreach (string name in keepResponseHeaders ?? Enumerable.Empty<string>())
                        {
                            if (response.Headers.TryGetValues(name, out var values)) kept[name] = values.First();
                        }
                        return new HttpAnswer(response.StatusCode, responseBody, kept);
                    }

                    var error = DqcErrorReader.Read(response, responseBody, method.Method, path);
                    if (response.StatusCode == HttpStatusCode.Unauthorized && !recovered && authenticator != null
                        && await authenticator.TryRecoverAsync(error, cancellationToken).ConfigureAwait(false))
                    {
                        recovered = true;
                        log.Verbose($"{method} {path}: credential renewed after 401, sending again");
                        continue;
                    }
                    throw Iam.IamErrorReader.Improve(error);
                }
            }
        }
    }
}

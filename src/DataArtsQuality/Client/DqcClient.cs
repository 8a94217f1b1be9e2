using System.Net.Http.Headers;
using System.Text.Json.Serialization.Metadata;

namespace DataArtsQuality.Client;

/// <summary>
/// The DQC operations. Cheap to create: it pairs a shared <see cref="DqcConnection"/> with the log of the caller
/// (one cmdlet invocation), so verbose output lands in the right pipeline.
/// </summary>
internal sealed partial class DqcClient
{
    public DqcClient(DqcConnection connection, IDqcLog? log = null)
    {
        Connection = connection ?? throw new ArgumentNullException(nameof(connection));
        Log = log ?? NullDqcLog.Instance;
    }

    public DqcConnection Connection { get; }

    public IDqcLog Log { get; }

    /// <summary>
    /// Sends one request with the workspace header and credentials, and reads the JSON answer. Every non-2xx answer
    /// becomes a <see cref="DqcApiException"/>; no answer at all becomes a <see cref="DqcTransportException"/>.
    /// </summary>
    internal async Task<T> SendAsync<T>(HttpMethod method, Uri uri, byte[]? body, JsonTypeInfo<T> responseType,
        CancellationToken cancellationToken, DqcSendGate? gate = null)
    {
        byte[] responseBody = await SendRawAsync(method, uri, body, cancellationToken, gate: gate)
            .ConfigureAwait(false);
        try
        {
            T? value = JsonSerializer.Deserialize(responseBody, responseType);
            if (value is null)
                throw new DqcResponseFormatException(
                    $"{method} {uri.AbsolutePath} answered 2xx with an empty JSON value.");
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
    internal async Task<T?> SendOptionalBodyAsync<T>(HttpMethod method, Uri uri, byte[]? body,
        JsonTypeInfo<T> responseType,
        CancellationToken cancellationToken) where T : class
    {
        byte[] responseBody = await SendRawAsync(method, uri, body, cancellationToken).ConfigureAwait(false);
        return ReadOptionalBody(responseBody, responseType, method.Method + " " + uri.AbsolutePath, Log);
    }

    internal static T? ReadOptionalBody<T>(byte[] responseBody, JsonTypeInfo<T> responseType, string what,
        IDqcLog log) where T : class
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
    /// Sends one DQC request through <see cref="DqcTransport"/> and returns the body of a 2xx answer: the
    /// connection's credential, its user's rate limiter and the settings of this client (timeout, retries).
    /// The body is JSON unless <paramref name="contentType"/> says otherwise (multipart upload).
    /// <paramref name="sendWorkspace"/> false leaves out the workspace header (Management Center calls).
    /// </summary>
    internal async Task<byte[]> SendRawAsync(HttpMethod method, Uri uri, byte[]? body,
        CancellationToken cancellationToken,
        MediaTypeHeaderValue? contentType = null, bool sendWorkspace = true, DqcSendGate? gate = null)
    {
        // Each request holds the connection open while it runs: a Disconnect or a replacing Connect elsewhere
        // closes it only when the last request is done.
        if (!Connection.TryAcquire())
            throw new DqcTransportException(
                $"{method} {uri.AbsolutePath} was not sent: the connection '{Connection.Name}' was closed (Disconnect-DqcWorkspace or a newer Connect-DqcWorkspace).",
                method.Method, uri.AbsolutePath, mayHaveReachedServer: false, timedOut: false, null);
        try
        {
            var request = new TransportRequest(method, uri, body)
            {
                ContentType = contentType,
                // Management Center calls (the workspace list) must go without it.
                WorkspaceId = sendWorkspace ? Connection.WorkspaceId : null,
                Authenticator = Connection.Authenticator,
                AllowCredentialRenewal = AllowCredentialRenewal,
                Gate = gate,
            };
            var answer = await DqcTransport.SendAsync(Connection.Http, request, EffectiveSettings,
                Connection.RateLimiter, Log, cancellationToken)
                .ConfigureAwait(false);
            return answer.Body;
        }
        finally
        {
            Connection.Release();
        }
    }

    /// <summary>Most IDs one batch request carries; larger inputs are split into several batches.</summary>
    public const int MaxIdsPerBatch = 100;

    private async Task SendBatchAsync(string path, byte[] body, CancellationToken cancellationToken)
    {
        // BatchDeleteTemplates defines no body; the job and instance batches answer {error_code, error_msg}, which
        // is only logged: any 2xx is success.
        var answer = await SendOptionalBodyAsync(HttpMethod.Post, Connection.QualityUri(path), body,
            DqcJsonContext.Default.ErrorBody, cancellationToken).ConfigureAwait(false);
        if (answer?.ErrorCode != null) Log.Verbose($"{path}: {answer.ErrorCode} {answer.ErrorMsg}");
    }

    private static List<string> CheckBatch(IReadOnlyList<string> ids, string what)
    {
        if (ids is null || ids.Count == 0) throw new ArgumentException($"No {what}s to send.");
        if (ids.Count > MaxIdsPerBatch)
            throw new ArgumentException($"At most {MaxIdsPerBatch} {what}s per request; got {ids.Count}.");
        return ids.Select(i => DqcIds.Require(i, what)).ToList();
    }

    internal static KeyValuePair<string, string> QueryPair(string key, string value)
        => new KeyValuePair<string, string>(key, value);

    /// <summary>The filters of a list call with one page's limit and offset after them.</summary>
    private static List<KeyValuePair<string, string>> WithPaging(IEnumerable<KeyValuePair<string, string>> filters,
        long offset, int limit)
        => new List<KeyValuePair<string, string>>(filters)
        {
            QueryPair("limit", limit.ToString(CultureInfo.InvariantCulture)),
            QueryPair("offset", offset.ToString(CultureInfo.InvariantCulture)),
        };
}

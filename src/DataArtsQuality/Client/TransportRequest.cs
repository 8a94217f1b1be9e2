using System.Net.Http.Headers;

using DataArtsQuality.Client.Auth;

namespace DataArtsQuality.Client;

/// <summary>
/// One request as <see cref="DqcTransport"/> sends it: what goes on the wire and what differs between the services
/// (DQC with its workspace header and credential, IAM without either or with its own error shape).
/// </summary>
internal sealed class TransportRequest
{
    public TransportRequest(HttpMethod method, Uri uri, byte[]? body = null)
    {
        Method = method ?? throw new ArgumentNullException(nameof(method));
        Uri = uri ?? throw new ArgumentNullException(nameof(uri));
        Body = body;
    }

    public HttpMethod Method { get; }

    public Uri Uri { get; }

    public byte[]? Body { get; }

    /// <summary>The body's content type; null is JSON in UTF-8.</summary>
    public MediaTypeHeaderValue? ContentType { get; set; }

    /// <summary>The workspace header's value; null leaves the header out (IAM, Management Center).</summary>
    public string? WorkspaceId { get; set; }

    /// <summary>Signs or adds the credential to each attempt; null sends none (the IAM login carries its
    /// own).</summary>
    public IDqcAuthenticator? Authenticator { get; set; }

    /// <summary>Whether a 401 may ask <see cref="Authenticator"/> to renew itself and send once more.</summary>
    public bool AllowCredentialRenewal { get; set; } = true;

    /// <summary>
    /// Sending it twice does no harm although the method is not a read: the retries of a read apply. True for the
    /// IAM token request, which only issues one more token; never for a DQC write such as a rerun.
    /// </summary>
    public bool RepeatSafe { get; set; }

    /// <summary>Asked before each attempt goes on the wire; null: every attempt may go.</summary>
    public DqcSendGate? Gate { get; set; }

    /// <summary>Response headers the caller needs from a 2xx answer (the IAM token is one).</summary>
    public IReadOnlyCollection<string>? KeepResponseHeaders { get; set; }

    /// <summary>Turns the error of a non-2xx answer into a better one (IAM's Keystone error shape); null keeps
    /// it.</summary>
    public Func<DqcApiException, DqcApiException>? ImproveError { get; set; }
}

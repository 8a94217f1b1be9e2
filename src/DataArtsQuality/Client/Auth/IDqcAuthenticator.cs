namespace DataArtsQuality.Client.Auth;

/// <summary>
/// Puts credentials on an outgoing request. One instance belongs to one connection and is shared by every
/// cmdlet and thread that uses it, so implementations are thread-safe.
/// </summary>
internal interface IDqcAuthenticator
{
    /// <summary>How it authenticates, as Get-DqcContext shows it.</summary>
    DqcAuthenticationKind Kind { get; }

    /// <summary>When the credential stops working, where that is known.</summary>
    DateTimeOffset? ExpiresAt { get; }

    /// <summary>
    /// Adds the credential headers. <paramref name="body"/> is exactly the bytes that will be sent (null for no
    /// body), so a signer can hash them.
    /// </summary>
    Task AuthenticateAsync(HttpRequestMessage request, byte[]? body, CancellationToken cancellationToken);

    /// <summary>
    /// Called once after a 401. Returns true when the credential was renewed and the request is worth sending
    /// again (an IAM password login fetching a fresh token); false when nothing can be done.
    /// </summary>
    Task<bool> TryRecoverAsync(DqcApiException unauthorized, CancellationToken cancellationToken);
}

namespace DataArtsQuality.Client.Auth;

/// <summary>A project-scoped IAM token supplied by the user, sent as X-Auth-Token. It cannot be renewed.</summary>
internal sealed class TokenAuthenticator : IDqcAuthenticator
{
    public const string HeaderName = "X-Auth-Token";

    private readonly SecureString _token;

    public TokenAuthenticator(SecureString token)
    {
        if (token is null || token.Length == 0)
            throw new ArgumentException("The token is empty.", nameof(token));
        _token = token.IsReadOnly() ? token : token.Copy();
        _token.MakeReadOnly();
        byte[] plain = SecretText.RevealUtf8(_token);
        try { Fingerprint = RateLimiterRegistry.Fingerprint(plain); }
        finally { Array.Clear(plain, 0, plain.Length); }
    }

    /// <summary>A hash of the token: which user's rate limit applies, without keeping the token as text.</summary>
    internal string Fingerprint { get; }

    public DqcAuthenticationKind Kind => DqcAuthenticationKind.Token;

    /// <summary>A supplied token's expiry is not known to the client (IAM tokens live 24 hours).</summary>
    public DateTimeOffset? ExpiresAt => null;

    public Task AuthenticateAsync(HttpRequestMessage request, byte[]? body, CancellationToken cancellationToken)
    {
        request.Headers.Remove(HeaderName);
        request.Headers.TryAddWithoutValidation(HeaderName, SecretText.Reveal(_token));
        return Task.CompletedTask;
    }

    public Task<bool> TryRecoverAsync(DqcApiException unauthorized, CancellationToken cancellationToken)
        => Task.FromResult(false);
}

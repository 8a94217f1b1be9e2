using System.Collections.Concurrent;
using DataArtsQuality.Client.Auth;

namespace DataArtsQuality.Client;

/// <summary>
/// One <see cref="RateLimiter"/> per user in the process. The gateway counts requests per user, so every connection
/// of one user (in any runspace, thread job or cmdlet) must take its slots from the same limiter, and a 429 seen by
/// one must hold back all. A user is the endpoint plus the identity: the IAM user and account, the access key, or a
/// hash of the token (never the token itself). Limiters are kept for the life of the process: a reconnect must not
/// start a fresh window while the gateway still counts the old one, and there are only as many as users.
/// </summary>
internal static class RateLimiterRegistry
{
    private static readonly ConcurrentDictionary<string, RateLimiter> Limiters = new ConcurrentDictionary<string, RateLimiter>(StringComparer.Ordinal);

    /// <summary>The limiter of the user behind <paramref name="authenticator"/> at <paramref
    /// name="endpoint"/>.</summary>
    public static RateLimiter For(Uri endpoint, IDqcAuthenticator authenticator)
    {
        if (endpoint is null) throw new ArgumentNullException(nameof(endpoint));
        string? identity = IdentityOf(authenticator);
        if (identity is null) // an authenticator we cannot tell users apart with: its own limiter
            return new RateLimiter();
        string key = endpoint.GetLeftPart(UriPartial.Authority).ToLowerInvariant() + " " + identity;
        // The key names the state file too (hashed): the same user in another process of this OS user finds the same
        // file.
        return Limiters.GetOrAdd(key, k => new RateLimiter(shared: RateLimit.SharedRateFile.ForKey(k)));
    }

    /// <summary>Who the gateway will count the requests against, without any secret in the text.</summary>
    internal static string? IdentityOf(IDqcAuthenticator authenticator) => authenticator switch
    {
        TokenAuthenticator token => "token-sha256:" + token.Fingerprint,
        IamPasswordAuthenticator password => "iam:" + password.UserKey,
        AkSkAuthenticator aksk => "ak:" + aksk.AccessKey,
        _ => null,
    };

    /// <summary>A one-way fingerprint of a secret: enough to tell two apart, useless to recover either.</summary>
    internal static string Fingerprint(byte[] secret) => AkSkSigner.HexSha256(secret).Substring(0, 32);
}

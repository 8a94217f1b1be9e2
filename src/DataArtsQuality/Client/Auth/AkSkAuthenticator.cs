namespace DataArtsQuality.Client.Auth;

/// <summary>
/// Signs every request with an access key and secret key (SDK-HMAC-SHA256), optionally with the security token of
/// temporary credentials. Signs host (with a non-default port), X-Sdk-Date and the custom headers the module sets;
/// never Content-Type (HttpClient rewrites it) nor User-Agent (added after signing).
/// </summary>
internal sealed class AkSkAuthenticator : IDqcAuthenticator
{
    public const string SecurityTokenHeader = "X-Security-Token";
    public const string ProjectIdHeader = "X-Project-Id";

    /// <summary>The request headers that are signed when present (lower case), besides host and x-sdk-date.</summary>
    private static readonly string[] SignedWhenPresent =
    {
        "workspace", "x-project-id", "x-security-token", "x-domain-id", "x-sdk-content-sha256", "x-language",
    };

    private readonly SecureString _secretKey;
    private readonly SecureString? _securityToken;
    private readonly Func<DateTimeOffset> _clock;

    public AkSkAuthenticator(string accessKey, SecureString secretKey, SecureString? securityToken = null,
        DqcAuthenticationKind? kind = null, Func<DateTimeOffset>? clock = null)
    {
        if (string.IsNullOrWhiteSpace(accessKey))
            throw new ArgumentException("The access key (AK) is empty.", nameof(accessKey));
        if (secretKey is null || secretKey.Length == 0)
            throw new ArgumentException("The secret key (SK) is empty.", nameof(secretKey));
        AccessKey = accessKey.Trim();
        _secretKey = ReadOnlyCopy(secretKey);
        _securityToken = securityToken is null || securityToken.Length == 0 ? null : ReadOnlyCopy(securityToken);
        Kind = kind ?? (_securityToken is null ? DqcAuthenticationKind.AkSk : DqcAuthenticationKind.TemporaryAkSk);
        _clock = clock ?? (() => DateTimeOffset.UtcNow);
    }

    /// <summary>The access key ID. Not a secret (it names the key), but shown nowhere either.</summary>
    internal string AccessKey { get; }

    public DqcAuthenticationKind Kind { get; }

    /// <summary>Supplied keys carry no expiry the client knows of.</summary>
    public DateTimeOffset? ExpiresAt => null;

    /// <summary>Sent as X-Project-Id (the SDKs' BasicCredentials do) once the project is known; null for IAM
    /// calls.</summary>
    public string? ProjectId { get; set; }

    public Task AuthenticateAsync(HttpRequestMessage request, byte[]? body, CancellationToken cancellationToken)
    {
        Sign(request, body, _clock());
        return Task.CompletedTask;
    }

    /// <summary>Adds X-Sdk-Date, X-Project-Id, X-Security-Token and Authorization for the given instant.</summary>
    internal AkSkSignature Sign(HttpRequestMessage request, byte[]? body, DateTimeOffset now)
    {
        var uri = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request));
        var headers = request.Headers;
        headers.Remove("Authorization");
        headers.Remove(AkSkSigner.DateHeader);
        headers.Remove(SecurityTokenHeader);
        string date = AkSkSigner.FormatDate(now);
        headers.TryAddWithoutValidation(AkSkSigner.DateHeader, date);
        if (ProjectId != null && !IsIamRequest(uri) && !headers.Contains(ProjectIdHeader))
            headers.TryAddWithoutValidation(ProjectIdHeader, ProjectId);
        if (_securityToken != null)
            headers.TryAddWithoutValidation(SecurityTokenHeader, SecretText.Reveal(_securityToken));

        // HttpClient sends Host from Uri.Authority: host, plus ":port" only for a non-default port.
        var toSign = new List<KeyValuePair<string, string>>
        {
            new KeyValuePair<string, string>("host", uri.Authority),
            new KeyValuePair<string, string>("x-sdk-date", date),
        };
        foreach (string name in SignedWhenPresent)
        {
            if (headers.TryGetValues(name, out var values))
                toSign.Add(new KeyValuePair<string, string>(name, string.Join(",", values)));
        }

        byte[] key = SecretText.RevealUtf8(_secretKey);
        try
        {
            var signature = AkSkSigner.Sign(request.Method.Method, uri, toSign, body, AccessKey, key);
            headers.TryAddWithoutValidation("Authorization", signature.Authorization);
            return signature;
        }
        finally
        {
            Array.Clear(key, 0, key.Length);
        }
    }

    /// <summary>A signature cannot be renewed: a 401 (bad key, clock off by more than 15 minutes) stays a
    /// 401.</summary>
    public Task<bool> TryRecoverAsync(DqcApiException unauthorized, CancellationToken cancellationToken)
        => Task.FromResult(false);

    private static bool IsIamRequest(Uri uri) => uri.AbsolutePath.StartsWith("/v3/", StringComparison.Ordinal)
        || uri.AbsolutePath.StartsWith("/v3.0/", StringComparison.Ordinal);

    private static SecureString ReadOnlyCopy(SecureString s)
    {
        var copy = s.Copy();
        copy.MakeReadOnly();
        return copy;
    }
}

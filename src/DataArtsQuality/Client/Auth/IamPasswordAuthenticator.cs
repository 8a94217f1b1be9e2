using DataArtsQuality.Client.Iam;

namespace DataArtsQuality.Client.Auth;

/// <summary>
/// An IAM user's password kept in memory (SecureString) to get project-scoped tokens, sent as X-Auth-Token. The
/// token is renewed well before it expires and once after a 401 that says it expired, so a runbook that runs
/// longer than a token lives never sees an authentication error.
/// </summary>
internal sealed class IamPasswordAuthenticator : IDqcAuthenticator, IDisposable
{
    /// <summary>Renew when this much of the token's life is left, at most <see cref="MaxRefreshMargin"/>.</summary>
    public const double RefreshFraction = 0.2;
    public static readonly TimeSpan MaxRefreshMargin = TimeSpan.FromHours(1);

    private readonly IamClient _iam;
    private readonly HttpClient _http;
    private readonly string _userName;
    private readonly SecureString _password;
    private readonly string _domainName;
    private readonly Func<DateTimeOffset> _clock;
    private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
    private readonly object _stateLock = new object();
    private IamToken? _token;
    private DateTimeOffset _renewAt;
    private DateTimeOffset _validUntil;
    private string? _projectName;

    internal IamPasswordAuthenticator(HttpClient http, Uri iamEndpoint, DqcSettings settings, string userName,
        SecureString password,
        string domainName, Func<DateTimeOffset>? clock = null)
    {
        if (string.IsNullOrWhiteSpace(userName))
            throw new ArgumentException("The IAM user name is empty.", nameof(userName));
        if (password is null || password.Length == 0)
            throw new ArgumentException("The password is empty.", nameof(password));
        if (string.IsNullOrWhiteSpace(domainName))
            throw new ArgumentException("The account (domain) name is empty: give -DomainName.", nameof(domainName));
        _http = http;
        _iam = new IamClient(http, iamEndpoint, settings);
        _userName = userName.Trim();
        _password = password.Copy();
        _password.MakeReadOnly();
        _domainName = domainName.Trim();
        _clock = clock ?? (() => DateTimeOffset.UtcNow);
    }

    public DqcAuthenticationKind Kind => DqcAuthenticationKind.Password;

    /// <summary>The account and user, as the gateway's per-user rate limit counts them.</summary>
    internal string UserKey => (_domainName + "/" + _userName).ToLowerInvariant();

    /// <summary>When the current token expires, on the local clock.</summary>
    public DateTimeOffset? ExpiresAt { get { lock (_stateLock) return _token is null ? (DateTimeOffset?)null : _validUntil.ToLocalTime(); } }

    /// <summary>The project the tokens are scoped to, known after the first login.</summary>
    public string? ProjectId { get; private set; }

    /// <summary>
    /// Logs in for the first time: scoped to <paramref name="projectId"/> when known, else to the project named
    /// after the region (every region's default project carries its name). Learns the project ID from the token.
    /// </summary>
    public async Task LoginAsync(string? projectId, string? projectName, IDqcLog log,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(projectId) && string.IsNullOrEmpty(projectName))
            throw new ArgumentException("An IAM password login needs the project: give -ProjectId or -Region.");
        ProjectId = string.IsNullOrEmpty(projectId) ? null : projectId;
        _projectName = projectName;
        await RenewAsync(null, log, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// True while the current token can be sent without asking IAM first (it exists and is not yet due for renewal).
    /// Tab completion checks this so that pressing Tab never logs in.
    /// </summary>
    public bool CanAuthenticateWithoutLogin
    {
        get { lock (_stateLock) return _token != null && _clock() < _renewAt; }
    }

    public async Task AuthenticateAsync(HttpRequestMessage request, byte[]? body, CancellationToken cancellationToken)
    {
        IamToken? token;
        DateTimeOffset renewAt, validUntil;
        lock (_stateLock) { token = _token; renewAt = _renewAt; validUntil = _validUntil; }
        if (token is null) throw new InvalidOperationException("The IAM login has not happened yet.");
        DateTimeOffset now = _clock();
        if (now >= renewAt)
        {
            try
            {
                token = await RenewAsync(token, NullDqcLog.Instance, cancellationToken).ConfigureAwait(false);
            }
            catch (DqcException) when (now < validUntil)
            {
                // IAM is unreachable for a moment but the current token still works: use it and try again next time.
            }
        }
        request.Headers.Remove(TokenAuthenticator.HeaderName);
        request.Headers.TryAddWithoutValidation(TokenAuthenticator.HeaderName, SecretText.Reveal(token.Value));
    }

    /// <summary>A 401 saying the token expired (or was revoked early): get a new one and send again, once.</summary>
    public async Task<bool> TryRecoverAsync(DqcApiException unauthorized, CancellationToken cancellationToken)
    {
        if (!SaysTokenExpired(unauthorized)) return false;
        IamToken? current;
        lock (_stateLock) current = _token;
        await RenewAsync(current, NullDqcLog.Instance, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The gateway's "token expires" (APIG.0301) or IAM's "The token must be updated".</summary>
    public static bool SaysTokenExpired(DqcApiException error)
    {
        string text = (error.ErrorMessage ?? "") + " " + (error.ResponseBody ?? "");
        return text.IndexOf("token expire", StringComparison.OrdinalIgnoreCase) >= 0
            || text.IndexOf("token has expired", StringComparison.OrdinalIgnoreCase) >= 0
            || text.IndexOf("token must be updated", StringComparison.OrdinalIgnoreCase) >= 0;
    }

    /// <summary>Gets a new token unless another thread already replaced <paramref name="seen"/> meanwhile.</summary>
    private async Task<IamToken> RenewAsync(IamToken? seen, IDqcLog log, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            lock (_stateLock)
            {
                if (_token != null && !ReferenceEquals(_token, seen)) return _token;
            }
            DateTimeOffset sentAt = _clock();
            var token = await _iam.LoginAsync(_userName, _password, _domainName, ProjectId, _projectName, log,
                cancellationToken).ConfigureAwait(false);
            DateTimeOffset receivedAt = _clock();
            // Measure the lifetime on IAM's clock (expires_at - issued_at) and start it when the request was sent,
            // so a local clock that is off does not make the module trust an expired token.
            TimeSpan life = token.IssuedAt.HasValue && token.ExpiresAt > token.IssuedAt.Value
                ? token.ExpiresAt - token.IssuedAt.Value
                : token.ExpiresAt - receivedAt;
            if (life < TimeSpan.Zero) life = TimeSpan.Zero;
            TimeSpan margin = TimeSpan.FromTicks(
                Math.Min(MaxRefreshMargin.Ticks, (long)(life.Ticks * RefreshFraction)));
            lock (_stateLock)
            {
                _token = token;
                _validUntil = sentAt + life;
                _renewAt = sentAt + life - margin;
                if (ProjectId is null && token.ProjectId != null) ProjectId = token.ProjectId;
            }
            if (ProjectId is null)
                throw new DqcResponseFormatException("IAM issued a token without token.project.id; give -ProjectId.");
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _password.Dispose();
    }
}

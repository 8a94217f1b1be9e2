using System.Net.Http.Headers;

using DataArtsQuality.Client.Auth;

namespace DataArtsQuality.Client.Iam;

/// <summary>
/// The few IAM calls the module needs: password login and project lookup by name. Never creates anything. They go
/// through <see cref="DqcTransport"/> like every DQC call, without the DQC rate limiter (IAM is another service).
/// </summary>
internal sealed class IamClient
{
    private static readonly MediaTypeHeaderValue LoginContentType = MediaTypeHeaderValue.Parse(
        "application/json;charset=utf8");
    private static readonly string[] TokenHeader = { "X-Subject-Token" };

    private readonly HttpClient _http;
    private readonly DqcSettings _settings;

    public IamClient(HttpClient http, Uri endpoint, DqcSettings settings)
    {
        _http = http;
        Endpoint = endpoint;
        _settings = (settings ?? throw new ArgumentNullException(nameof(settings))).Clone().Validate();
    }

    public Uri Endpoint { get; }

    /// <summary>
    /// POST {iam}/v3/auth/tokens?nocatalog=true with the password method, scoped to a project by ID or by name.
    /// The password exists in plain form only inside the request body buffer, which is cleared afterwards.
    /// </summary>
    public async Task<IamToken> LoginAsync(string userName, SecureString password, string domainName,
        string? projectId, string? projectName, IDqcLog log, CancellationToken cancellationToken)
    {
        byte[] body = PasswordBody(userName, password, domainName, projectId, projectName);
        TransportAnswer answer;
        try
        {
            // IAM only issues another token when a login is sent twice: the retries of a read apply.
            var request = new TransportRequest(HttpMethod.Post, Address("v3/auth/tokens?nocatalog=true"), body)
            {
                ContentType = LoginContentType,
                RepeatSafe = true,
                KeepResponseHeaders = TokenHeader,
                ImproveError = IamErrorReader.Improve,
            };
            answer = await DqcTransport.SendAsync(_http, request, _settings, null, log, cancellationToken)
                .ConfigureAwait(false);
        }
        finally
        {
            Array.Clear(body, 0, body.Length);
        }

        string? token = answer.Header("X-Subject-Token");
        if (string.IsNullOrEmpty(token))
            throw new DqcResponseFormatException(
                $"IAM at {Endpoint.Host} accepted the login but sent no X-Subject-Token header.");
        IamTokenResponse? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(answer.Body, IamJsonContext.Default.IamTokenResponse);
        }
        catch (JsonException ex)
        {
            throw new DqcResponseFormatException(
                $"IAM at {Endpoint.Host} answered the login with a body that is not a token: {ex.Message}", ex);
        }
        if (parsed?.Token?.ExpiresAt is null || !TryParseTime(parsed.Token.ExpiresAt, out var expiresAt))
            throw new DqcResponseFormatException(
                $"IAM at {Endpoint.Host} answered the login without a readable token.expires_at.");
        DateTimeOffset? issuedAt = parsed.Token.IssuedAt != null && TryParseTime(parsed.Token.IssuedAt,
            out var i) ? i : (DateTimeOffset?)null;
        return new IamToken(SecretText.Protect(token!), expiresAt, issuedAt, parsed.Token.Project?.Id,
            parsed.Token.Project?.Name);
    }

    /// <summary>
    /// GET {iam}/v3/projects?name={name}: the ID of the one project with exactly that name. Zero or several matches
    /// are errors; a project is never created (the Node SDK's quirk: docs/service-notes.md, IAM project lookup).
    /// </summary>
    public async Task<string> FindProjectIdAsync(string name, IDqcAuthenticator authenticator, IDqcLog log,
        CancellationToken cancellationToken)
    {
        var request = new TransportRequest(HttpMethod.Get,
            Address("v3/projects?name=" + System.Uri.EscapeDataString(name)))
        {
            Authenticator = authenticator,
            ImproveError = IamErrorReader.Improve,
        };
        var answer = await DqcTransport.SendAsync(_http, request, _settings, null, log, cancellationToken)
            .ConfigureAwait(false);
        IamProjectList? list;
        try
        {
            list = JsonSerializer.Deserialize(answer.Body, IamJsonContext.Default.IamProjectList);
        }
        catch (JsonException ex)
        {
            throw new DqcResponseFormatException(
                $"IAM at {Endpoint.Host} answered the project list with a body that is not one: {ex.Message}", ex);
        }
        var matches = (list?.Projects ?? new List<IamProject>())
            .Where(p => string.Equals(p.Name, name, StringComparison.Ordinal) && !string.IsNullOrEmpty(p.Id))
            .ToList();
        if (matches.Count == 1) return matches[0].Id!;
        if (matches.Count == 0)
            throw new DqcProjectResolutionException(
                $"IAM at {Endpoint.Host} has no project named '{name}' that these credentials can see. Give -ProjectId (My Credentials > API Credentials in the console lists the project IDs), or check -Region.");
        throw new DqcProjectResolutionException(string.Format(CultureInfo.InvariantCulture,
            "IAM at {0} has {1} projects named '{2}' ({3}). Give -ProjectId to choose one.",
            Endpoint.Host, matches.Count, name, string.Join(", ", matches.Select(m => m.Id))));
    }

    private Uri Address(string relative)
        => new Uri(Endpoint.AbsoluteUri.TrimEnd('/') + "/" + relative, UriKind.Absolute);

    internal static bool TryParseTime(string text, out DateTimeOffset value)
        => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);

    /// <summary>The login body, written straight from the protected password into a buffer the caller clears.</summary>
    private static byte[] PasswordBody(string userName, SecureString password, string domainName, string? projectId,
        string? projectName)
    {
        char[] plain = SecretText.RevealChars(password);
        var stream = new MemoryStream(512);
        try
        {
            using (var w = new Utf8JsonWriter(stream))
            {
                w.WriteStartObject();
                w.WriteStartObject("auth");
                w.WriteStartObject("identity");
                w.WriteStartArray("methods");
                w.WriteStringValue("password");
                w.WriteEndArray();
                w.WriteStartObject("password");
                w.WriteStartObject("user");
                w.WriteStartObject("domain");
                w.WriteString("name", domainName);
                w.WriteEndObject();
                w.WriteString("name", userName);
                w.WriteString("password", plain);
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteStartObject("scope");
                w.WriteStartObject("project");
                if (!string.IsNullOrEmpty(projectId)) w.WriteString("id", projectId);
                else w.WriteString("name", projectName);
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndObject();
            }
            return stream.ToArray();
        }
        finally
        {
            Array.Clear(plain, 0, plain.Length);
            // MemoryStream's own buffer held the password too.
            byte[] inner = stream.GetBuffer();
            Array.Clear(inner, 0, inner.Length);
        }
    }
}

/// <summary>The project ID could not be found from the region name.</summary>
public sealed class DqcProjectResolutionException : DqcException
{
    public DqcProjectResolutionException(string message) : base(message) { }

    public override string ErrorId => "DqcProjectNotFound";

    public override DqcErrorCategory Category => DqcErrorCategory.ObjectNotFound;
}

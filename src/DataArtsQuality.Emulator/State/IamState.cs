using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace DataArtsQuality.Emulator.State;

/// <summary>
/// What the emulator's IAM knows: its user, keys, projects, issued tokens, and the (optionally skewed) clock.
/// </summary>
public sealed class IamState(EmulatorOptions options)
{
    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);
    private int _issued;

    public EmulatorOptions Options { get; } = options;

    /// <summary>The emulator's clock: real time shifted by --clock-skew-sec.</summary>
    public DateTimeOffset Now => DateTimeOffset.UtcNow.AddSeconds(Options.ClockSkewSeconds);

    public int TokensIssued => Volatile.Read(ref _issued);

    /// <summary>
    /// Projects of the account: the region's default project and a sub-project (named region_sub as IAM does).
    /// </summary>
    public IReadOnlyList<(string Id, string Name)> Projects =>
    [
        (Options.ProjectId, Options.Region),
        ("5b1f0c7e9d2a4e8f8a6b3c1d0e2f4a6b", Options.Region + "_analytics"),
        ("c3a1e5f7092b4d6f8e0a1b2c3d4e5f60", "MOS"),
    ];

    /// <summary>Secret key (and required security token) of a known access key.</summary>
    public bool TryGetKey(string accessKey, out string secretKey, out string? securityToken)
    {
        if (accessKey == EmulatorDefaults.AccessKey)
        {
            (secretKey, securityToken) = (EmulatorDefaults.SecretKey, null);
            return true;
        }
        if (accessKey == EmulatorDefaults.TemporaryAccessKey)
        {
            (secretKey, securityToken) = (EmulatorDefaults.TemporarySecretKey, EmulatorDefaults.SecurityToken);
            return true;
        }
        foreach (var pair in Options.AccessKeys)
        {
            if (pair.AccessKey == accessKey)
            {
                (secretKey, securityToken) = (pair.SecretKey, pair.SecurityToken);
                return true;
            }
        }
        (secretKey, securityToken) = ("", null);
        return false;
    }

    /// <summary>
    /// Whether a password login names a known user of the account (the seeded one or one from --user).
    /// </summary>
    public bool CheckPassword(string? name, string? password, string? domain)
    {
        if (domain != EmulatorDefaults.DomainName) return false;
        if (name == EmulatorDefaults.UserName && password == EmulatorDefaults.Password) return true;
        return Options.Users.Any(u => u.Name == name && u.Password == password);
    }

    public IssuedToken Issue(string projectId, string userName = "")
    {
        var now = Now;
        string value = "MIIEmuT"
            + Convert.ToBase64String(RandomNumberGenerator.GetBytes(96)).Replace('+', '-').Replace('/', '_');
        var token = new IssuedToken(value, projectId, now, now.AddSeconds(Options.TokenLifetimeSeconds), userName);
        _tokens[value] = token;
        Interlocked.Increment(ref _issued);
        return token;
    }

    public IssuedToken? Find(string value) => _tokens.TryGetValue(value, out var t) ? t : null;

    /// <summary>Makes every issued token expired now (as IAM does early when a password changes).</summary>
    public void ExpireAll()
    {
        foreach (var t in _tokens.Values) _tokens[t.Value] = t with { ExpiresAt = Now.AddSeconds(-1) };
    }

    public static string Iso(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}

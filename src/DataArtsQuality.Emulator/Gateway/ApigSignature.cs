using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace DataArtsQuality.Emulator.Gateway;

/// <summary>
/// The gateway's side of SDK-HMAC-SHA256, written independently of the module's signer (docs/service-notes.md, AK/SK
/// signing): it works from the raw request target as received, decodes percent-escapes to bytes itself and re-encodes
/// them, so a bug shared by both sides is unlikely. Checked against aksk-vectors.json in the xunit suite.
/// </summary>
public static partial class ApigSignature
{
    [GeneratedRegex(@"^SDK-HMAC-SHA256\s+Access=(?<ak>[^,\s]+),\s*SignedHeaders=(?<sh>[^,\s]+),\s*Signature=(?<sig>[0-9a-fA-F]+)\s*$")]
    private static partial Regex AuthorizationPattern();

    public sealed record Parsed(string AccessKey, string[] SignedHeaders, string Signature);

    public static Parsed? ParseAuthorization(string? header)
    {
        if (string.IsNullOrEmpty(header)) return null;
        var m = AuthorizationPattern().Match(header);
        if (!m.Success) return null;
        return new Parsed(
            m.Groups["ak"].Value, m.Groups["sh"].Value.Split(';'), m.Groups["sig"].Value.ToLowerInvariant());
    }

    /// <summary>
    /// The canonical request for a request target ("/path?query" as on the wire), the signed headers' values (looked up
    /// by lower-case name) and the body bytes.
    /// </summary>
    public static string CanonicalRequest(string method, string rawTarget, IReadOnlyList<string> signedHeaders,
        Func<string, string?> headerValue, ReadOnlySpan<byte> body)
    {
        int q = rawTarget.IndexOf('?');
        string rawPath = q < 0 ? rawTarget : rawTarget[..q];
        string rawQuery = q < 0 ? "" : rawTarget[(q + 1)..];

        var sb = new StringBuilder();
        sb.Append(method.ToUpperInvariant()).Append('\n');

        // Path: each segment decoded to bytes and re-encoded; always a trailing slash.
        var segments = rawPath.Split('/').Select(seg => EncodeBytes(PercentDecode(seg)));
        string path = string.Join('/', segments);
        if (!path.StartsWith('/')) path = "/" + path;
        if (!path.EndsWith('/')) path += "/";
        sb.Append(path).Append('\n');

        // Query: pairs decoded, sorted by name then value (ordinal on the decoded text), re-encoded.
        var pairs = new List<(string Name, string Value)>();
        foreach (string part in rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = part.IndexOf('=');
            byte[] name = PercentDecode(eq < 0 ? part : part[..eq]);
            byte[] value = PercentDecode(eq < 0 ? "" : part[(eq + 1)..]);
            pairs.Add((Encoding.UTF8.GetString(name), Encoding.UTF8.GetString(value)));
        }
        pairs.Sort((a, b) =>
        {
            int c = string.CompareOrdinal(a.Name, b.Name);
            return c != 0 ? c : string.CompareOrdinal(a.Value, b.Value);
        });
        sb.Append(string.Join('&', pairs.Select(p =>
            EncodeBytes(Encoding.UTF8.GetBytes(p.Name)) + "=" + EncodeBytes(Encoding.UTF8.GetBytes(p.Value)))))
            .Append('\n');

        var names = signedHeaders.Select(h => h.ToLowerInvariant()).ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        foreach (string name in names)
            sb.Append(name).Append(':').Append((headerValue(name) ?? "").Trim()).Append('\n');
        sb.Append('\n');
        sb.Append(string.Join(';', names)).Append('\n');

        string? preset = names.Contains("x-sdk-content-sha256") ? headerValue("x-sdk-content-sha256")?.Trim() : null;
        sb.Append(preset ?? Convert.ToHexStringLower(SHA256.HashData(body)));
        return sb.ToString();
    }

    public static string StringToSign(string sdkDate, string canonicalRequest)
        => "SDK-HMAC-SHA256\n" + sdkDate + "\n"
            + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)));

    public static string Signature(string secretKey, string stringToSign)
        => Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(stringToSign)));

    /// <summary>
    /// Bytes of a percent-encoded string: %XX becomes the byte, anything else its UTF-8 bytes ('+' stays '+').
    /// </summary>
    public static byte[] PercentDecode(string text)
    {
        var bytes = new List<byte>(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
        }
        return bytes.ToArray();
    }

    /// <summary>RFC 3986 unreserved bytes kept, everything else %XX with upper-case hex.</summary>
    public static string EncodeBytes(byte[] bytes)
    {
        var sb = new StringBuilder(bytes.Length * 3);
        foreach (byte b in bytes)
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
                sb.Append((char)b);
            else sb.Append('%').Append(b.ToString("X2"));
        }
        return sb.ToString();
    }
}

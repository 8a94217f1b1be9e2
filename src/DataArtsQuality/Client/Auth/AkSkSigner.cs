using System.Security.Cryptography;

namespace DataArtsQuality.Client.Auth;

/// <summary>
/// Huawei Cloud's SDK-HMAC-SHA256 request signature (docs/service-notes.md, AK/SK signing): canonical request,
/// string to sign, HMAC with the secret key. Pure: no clock, no HTTP; the caller decides which headers are signed.
/// </summary>
internal static class AkSkSigner
{
    public const string Algorithm = "SDK-HMAC-SHA256";
    public const string DateHeader = "X-Sdk-Date";
    public const string DateFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>The X-Sdk-Date value for an instant: UTC, invariant culture (a Buddhist calendar would print
    /// 2567).</summary>
    public static string FormatDate(DateTimeOffset instant)
        => instant.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// Signs one request. <paramref name="signedHeaders"/> are exactly the headers to sign (host and X-Sdk-Date
    /// included), with the values that will be sent; <paramref name="body"/> is exactly the bytes that will be sent.
    /// <paramref name="secretKey"/> is the UTF-8 secret key; the caller clears it afterwards.
    /// </summary>
    public static AkSkSignature Sign(string method, Uri uri, IEnumerable<KeyValuePair<string, string>> signedHeaders,
        byte[]? body, string accessKey, byte[] secretKey)
    {
        if (uri is null) throw new ArgumentNullException(nameof(uri));
        if (!uri.IsAbsoluteUri) throw new ArgumentException("The request URI must be absolute.", nameof(uri));

        var headers = signedHeaders
            .Select(h => new KeyValuePair<string, string>(h.Key.Trim().ToLowerInvariant(), (h.Value ?? "").Trim()))
            .OrderBy(h => h.Key, StringComparer.Ordinal)
            .ToList();
        string date = headers.FirstOrDefault(h => h.Key == "x-sdk-date").Value
            ?? throw new ArgumentException("The X-Sdk-Date header must be among the signed headers.",
                nameof(signedHeaders));
        string? presetHash = headers.FirstOrDefault(h => h.Key == "x-sdk-content-sha256").Value;

        string signedHeaderList = string.Join(";", headers.Select(h => h.Key));
        var canonical = new StringBuilder(512);
        canonical.Append(method.ToUpperInvariant()).Append('\n');
        canonical.Append(CanonicalUri(uri)).Append('\n');
        canonical.Append(CanonicalQuery(uri.Query)).Append('\n');
        foreach (var h in headers) canonical.Append(h.Key).Append(':').Append(h.Value).Append('\n');
        canonical.Append('\n');
        canonical.Append(signedHeaderList).Append('\n');
        canonical.Append(presetHash ?? HexSha256(body ?? Array.Empty<byte>()));
        string canonicalRequest = canonical.ToString();

        string stringToSign = Algorithm + "\n" + date + "\n" + HexSha256(Encoding.UTF8.GetBytes(canonicalRequest));
        string signature;
        using (var hmac = new HMACSHA256(secretKey))
            signature = Hex(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
        string authorization = $"{Algorithm} Access={accessKey}, SignedHeaders={signedHeaderList}, Signature={signature}";
        return new AkSkSignature(canonicalRequest, stringToSign, signedHeaderList, signature, authorization);
    }

    /// <summary>Decoded path, each segment RFC 3986-encoded once, always ending in "/".</summary>
    public static string CanonicalUri(Uri uri)
    {
        string path = uri.AbsolutePath;
        var segments = path.Split('/').Select(s => Encode(Uri.UnescapeDataString(s)));
        string result = string.Join("/", segments);
        if (result.Length == 0 || result[0] != '/') result = "/" + result;
        if (!result.EndsWith("/", StringComparison.Ordinal)) result += "/";
        return result;
    }

    /// <summary>Decoded name/value pairs sorted ordinally by name then value, re-encoded, joined by "&amp;".</summary>
    public static string CanonicalQuery(string query)
    {
        string q = query ?? "";
        if (q.StartsWith("?", StringComparison.Ordinal)) q = q.Substring(1);
        if (q.Length == 0) return "";
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (string part in q.Split('&'))
        {
            if (part.Length == 0) continue;
            int eq = part.IndexOf('=');
            string name = eq < 0 ? part : part.Substring(0, eq);
            string value = eq < 0 ? "" : part.Substring(eq + 1);
            pairs.Add(new KeyValuePair<string, string>(Uri.UnescapeDataString(name), Uri.UnescapeDataString(value)));
        }
        return string.Join("&", pairs
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => Encode(p.Key) + "=" + Encode(p.Value)));
    }

    /// <summary>Percent-encodes every UTF-8 byte except A-Z a-z 0-9 - _ . ~, upper-case hex (space is %20).</summary>
    public static string Encode(string value)
    {
        var sb = new StringBuilder(value.Length + 16);
        foreach (byte b in Encoding.UTF8.GetBytes(value))
        {
            bool unreserved = (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')
                || b == '-' || b == '_' || b == '.' || b == '~';
            if (unreserved) sb.Append((char)b);
            else sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    public static string HexSha256(byte[] data)
    {
        using var sha = SHA256.Create();
        return Hex(sha.ComputeHash(data));
    }

    private static string Hex(byte[] bytes)
    {
        var sb = new StringBuilder(bytes.Length * 2);
        foreach (byte b in bytes) sb.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        return sb.ToString();
    }
}

using System.Text.RegularExpressions;

namespace DataArtsQuality.Client;

/// <summary>Turns a non-2xx response into a <see cref="DqcApiException"/> with a message a person can act on.</summary>
internal static class DqcErrorReader
{
    private const int MaxKeptBody = 4096;
    private static readonly Regex Title = new Regex("<title[^>]*>(.*?)</title>",
        RegexOptions.IgnoreCase | RegexOptions.Singleline);
    private static readonly Regex Tags = new Regex("<[^>]+>|&[a-z]+;", RegexOptions.IgnoreCase);
    private static readonly Regex Space = new Regex(@"\s+");

    public static DqcApiException Read(HttpResponseMessage response, byte[] body, string method, string path)
    {
        var status = response.StatusCode;
        string statusText = $"HTTP {(int)status} {Reason(response)}";
        string? headerRequestId = response.Headers.TryGetValues("X-Request-Id",
            out var ids) ? ids.FirstOrDefault() : null;
        string text = DecodeBody(body);
        string? kept = text.Length > MaxKeptBody ? text.Substring(0, MaxKeptBody) : text;

        ErrorBody? error = TryParse(body);
        if (error != null && (error.ErrorCode != null || error.ErrorMsg != null))
        {
            string requestId = error.RequestId ?? headerRequestId ?? "";
            string message = $"{error.ErrorCode ?? "(no error code)"}: {error.ErrorMsg ?? "(no message)"} ({statusText}"
                + (requestId.Length > 0 ? $", request ID {requestId})" : ")");
            return new DqcApiException(message, status, error.ErrorCode, error.ErrorMsg,
                requestId.Length > 0 ? requestId : null, method, path, kept);
        }

        string contentType = response.Content?.Headers.ContentType?.MediaType ?? "no content type";
        string summary = Summarise(text);
        string described = text.Length == 0
            ? $"{statusText} from {method} {path} with an empty body."
            : $"{statusText} from {method} {path}; the response was not a DQC error ({contentType}): {summary}";
        if (headerRequestId != null) described += $" (request ID {headerRequestId})";
        return new DqcApiException(described, status, null, null, headerRequestId, method, path, kept);
    }

    private static ErrorBody? TryParse(byte[] body)
    {
        int i = 0;
        while (i < body.Length && (body[i] == ' ' || body[i] == '\r' || body[i] == '\n' || body[i] == '\t' || body[i] == 0xEF || body[i] == 0xBB || body[i] == 0xBF)) i++;
        if (i >= body.Length || body[i] != (byte)'{') return null;
        try
        {
            return JsonSerializer.Deserialize(new ReadOnlySpan<byte>(body, i, body.Length - i),
                DqcJsonContext.Default.ErrorBody);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A gateway's HTML page in one line: its title, else its text without tags, at most 200
    /// characters.</summary>
    internal static string Summarise(string text)
    {
        string s = text;
        var title = Title.Match(s);
        if (title.Success && title.Groups[1].Value.Trim().Length > 0) s = title.Groups[1].Value;
        else if (s.IndexOf('<') >= 0) s = Tags.Replace(s, " ");
        s = Space.Replace(s, " ").Trim();
        return s.Length > 200 ? s.Substring(0, 200) + "..." : s;
    }

    private static string DecodeBody(byte[] body)
    {
        try { return Encoding.UTF8.GetString(body); }
        catch (ArgumentException) { return ""; }
    }

    private static string Reason(HttpResponseMessage response)
    {
        if (!string.IsNullOrEmpty(response.ReasonPhrase)) return response.ReasonPhrase!;
        return ((HttpStatusCode)(int)response.StatusCode).ToString();
    }
}

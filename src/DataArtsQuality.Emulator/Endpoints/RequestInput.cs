namespace DataArtsQuality.Emulator.Endpoints;

/// <summary>What the endpoints read from a request: the body, IDs in the path and the query.</summary>
public static class RequestInput
{
    /// <summary>
    /// The body as text. The gateway buffered API requests' bodies (to log and verify them) and rewound them; the
    /// rewind here makes a second read safe too.
    /// </summary>
    public static async Task<string> ReadBodyAsync(this HttpContext context)
    {
        if (context.Request.Body.CanSeek) context.Request.Body.Position = 0;
        return await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
    }

    /// <summary>
    /// A bare JSON array of IDs, the batch calls' body; null when the body is anything else or empty.
    /// </summary>
    public static async Task<List<long>?> ReadIdArrayAsync(this HttpContext context)
    {
        var ids = JsonRead.IdArray(JsonRead.Node(await context.ReadBodyAsync()));
        return ids is { Count: > 0 } ? ids : null;
    }

    /// <summary>An ID in the path: digits only, 64 bits.</summary>
    public static bool TryPathId(string text, out long id) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id);

    /// <summary>A query parameter; null when absent or empty.</summary>
    public static string? Query(this HttpContext context, string key)
    {
        string? v = context.Request.Query[key].FirstOrDefault();
        return string.IsNullOrEmpty(v) ? null : v;
    }

    /// <summary>An optional signed integer query parameter; false with a DQC.4022 answer when it is not one.</summary>
    public static bool TryQueryLong(this HttpContext context, string key, out long? value, out IResult? error)
    {
        value = null;
        error = null;
        string? text = context.Query(key);
        if (text is null) return true;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long v))
        {
            value = v;
            return true;
        }
        error = ApiErrors.InvalidField($"{key} must be an integer.");
        return false;
    }

    /// <summary>
    /// An optional non-negative integer filter of a job or instance list; false with a DQC.4005 answer when it is not
    /// one.
    /// </summary>
    public static bool TryListFilter(this IQueryCollection q, string key, out long? value, out IResult? error)
    {
        value = null;
        error = null;
        string? raw = q[key].FirstOrDefault();
        if (raw == null) return true;
        if (!long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out long v))
        {
            string unit = key.EndsWith("_time", StringComparison.Ordinal) ? " (ms since the epoch)" : "";
            error = ApiErrors.Dqc(400, ApiErrors.BadQuery, $"{key} must be an integer{unit}.");
            return false;
        }
        value = v;
        return true;
    }

    /// <summary>
    /// An optional filter of a job or instance list that must be one of <paramref name="allowed"/>; false with a
    /// DQC.4005 answer otherwise.
    /// </summary>
    public static bool TryListChoice(
        this IQueryCollection q, string key, IReadOnlySet<string> allowed, out string? value, out IResult? error)
    {
        value = q[key].FirstOrDefault();
        error = value != null && !allowed.Contains(value)
            ? ApiErrors.Dqc(400, ApiErrors.BadQuery, $"{key} must be one of {string.Join(", ", allowed)}.")
            : null;
        return error is null;
    }

    /// <summary>The answer of a DQC call that has nothing to return (DLG.2700).</summary>
    public static IResult Success() =>
        Results.Json(new JsonObject { ["error_code"] = "DLG.2700", ["error_msg"] = "Successful." });
}

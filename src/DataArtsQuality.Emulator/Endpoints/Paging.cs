namespace DataArtsQuality.Emulator.Endpoints;

/// <summary>
/// limit and offset of a list call. The lists disagree on a limit above 100, as the docs leave it open: the job and
/// instance lists cap it to 100 and answer DQC.4005 for a bad value; the catalog, template and report lists refuse it
/// with DQC.4020 [inf both].
/// </summary>
public readonly record struct Paging(int Limit, long Offset)
{
    /// <summary>
    /// The catalog, template and report lists: limit 0 to 100 (default <paramref name="defaultLimit"/>), an int offset.
    /// </summary>
    public static (Paging Paging, IResult? Error) Strict(HttpContext context, int defaultLimit = 10)
    {
        int limit = defaultLimit, offset = 0;
        var q = context.Request.Query;
        if (q.ContainsKey("limit")
            && (!int.TryParse(q["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit > 100))
            return (default, ApiErrors.Dqc(400, ApiErrors.BadPaging, "limit must be an integer from 0 to 100."));
        if (q.ContainsKey("offset")
            && !int.TryParse(q["offset"], NumberStyles.None, CultureInfo.InvariantCulture, out offset))
            return (default, ApiErrors.Dqc(400, ApiErrors.BadPaging, "offset must be an integer of 0 or more."));
        return (new Paging(limit, offset), null);
    }

    /// <summary>
    /// The job and instance lists: limit default 10 (older docs), larger values capped to 100 [inf: the docs say
    /// "max 100" without saying whether the service refuses or clamps]; offset a record offset, default 0.
    /// </summary>
    public static (Paging Paging, IResult? Error) Capped(IQueryCollection q)
    {
        long offset = 0;
        int limit = 10;
        string? rawLimit = q["limit"].FirstOrDefault();
        string? rawOffset = q["offset"].FirstOrDefault();
        if (rawLimit != null)
        {
            if (!long.TryParse(rawLimit, NumberStyles.None, CultureInfo.InvariantCulture, out long l))
                return (default, ApiErrors.Dqc(400, ApiErrors.BadQuery, "limit must be a non-negative integer."));
            limit = (int)Math.Min(l, 100);
        }
        if (rawOffset != null && !long.TryParse(rawOffset, NumberStyles.None, CultureInfo.InvariantCulture, out offset))
            return (default, ApiErrors.Dqc(400, ApiErrors.BadQuery, "offset must be a non-negative integer."));
        return (new Paging(limit, offset), null);
    }

    /// <summary>The page of an already filtered list: [offset, offset + limit).</summary>
    public IEnumerable<T> Of<T>(IEnumerable<T> items) => items.Skip((int)Math.Min(Offset, int.MaxValue)).Take(Limit);

    /// <summary>
    /// {count, resources}: the number of matching items and this page of them, in one pass over the matches.
    /// </summary>
    public IResult Answer<T>(IEnumerable<T> matching, Func<T, JsonNode> toJson)
    {
        int count = 0;
        var page = new JsonArray();
        foreach (var item in matching)
        {
            if (count >= Offset && page.Count < Limit) page.Add(toJson(item));
            count++;
        }
        return Results.Json(new JsonObject { ["count"] = count, ["resources"] = page });
    }
}

namespace DataArtsQuality.Client;

/// <summary>The directory tree of jobs and templates (ListCategory).</summary>
internal sealed partial class DqcClient
{
    /// <summary>
    /// ListCategory: the directory tree (root "All", ID 0). The body is a bare array with no total, so top-level
    /// entries are paged by record offset until an empty page: a page shorter than the limit asked for does not end
    /// the list, as a service that caps pages lower would otherwise cut it silently. A page that only repeats
    /// entries already read (a service ignoring offset) ends it too.
    /// </summary>
    public async Task<IReadOnlyList<DqcCategory>> GetCategoriesAsync(CancellationToken cancellationToken)
    {
        const int pageSize = 100;
        var roots = new List<DqcCategory>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int offset = 0; ;)
        {
            var uri = Connection.QualityUri("categories",
                new[] { QueryPair("limit", pageSize.ToString(CultureInfo.InvariantCulture)),
                    QueryPair("offset", offset.ToString(CultureInfo.InvariantCulture)) });
            byte[] body = await SendRawAsync(HttpMethod.Get, uri, null, cancellationToken).ConfigureAwait(false);
            var page = new List<DqcCategory>();
            try
            {
                using var doc = JsonDocument.Parse(body);
                if (doc.RootElement.ValueKind != JsonValueKind.Array)
                    throw new DqcResponseFormatException("ListCategory answered 2xx but the body is not a JSON array.");
                foreach (var e in doc.RootElement.EnumerateArray())
                    page.Add(ReadCategory(e, null, 0));
            }
            catch (JsonException ex)
            {
                throw new DqcResponseFormatException(
                    "ListCategory answered 2xx but the body is not JSON: " + ex.Message, ex);
            }
            if (page.Count == 0) return roots;
            int fresh = 0;
            foreach (var c in page)
            {
                if (c.Id.Length > 0 && !seen.Add(c.Id)) continue;
                roots.Add(c);
                fresh++;
            }
            if (fresh == 0)
            {
                Log.Verbose(
                    $"ListCategory: the page at offset {offset} repeats categories already read; the list ends there.");
                return roots;
            }
            offset += page.Count;
        }
    }

    internal static DqcCategory ReadCategory(JsonElement e, DqcCategory? parent, int depth)
    {
        var c = new DqcCategory
        {
            Id = ReadIdText(e, "id") ?? "",
            Name = e.TryGetProperty("name",
                out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() ?? "" : "",
            Type = e.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null,
            ParentId = ReadIdText(e, "pid") ?? parent?.Id,
            Depth = depth,
        };
        c.Path = parent is null ? c.Name : parent.Path + "/" + c.Name;
        var children = new List<DqcCategory>();
        // sub_categories is documented as an array of SubCategoryDetailVO, "Object (recursive, untyped)" one level
        // down: accept an array or a single object.
        if (e.TryGetProperty("sub_categories", out var subs))
        {
            if (subs.ValueKind == JsonValueKind.Array)
                foreach (var s in subs.EnumerateArray()) children.Add(ReadCategory(s, c, depth + 1));
            else if (subs.ValueKind == JsonValueKind.Object)
                children.Add(ReadCategory(subs, c, depth + 1));
        }
        c.Children = children;
        return c;
    }

    private static string? ReadIdText(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v)) return null;
        return v.ValueKind switch
        {
            JsonValueKind.Number => v.GetRawText(),
            JsonValueKind.String => v.GetString(),
            _ => null,
        };
    }
}

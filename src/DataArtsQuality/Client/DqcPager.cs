namespace DataArtsQuality.Client;

/// <summary>
/// Walks a count/resources list (ListQualityTask, ListConsistencyTask, ListInstances, ShowInstanceResult) one
/// request at a time, so the caller can write each page's objects before asking for the next. <c>offset</c> is a
/// record offset; at most <see cref="MaxPageSize"/> records per request.
/// <para>
/// Skip and First apply to what the caller sees. Without a client-side filter Skip becomes the first offset and
/// the last request asks only for what First still needs; with one (the API lacks the filter), pages are full
/// and Skip/First count matching records. Paging stops at an empty page, at the service's total, once
/// First records were returned, or when <see cref="Stop"/> is called.
/// </para>
/// </summary>
internal sealed class DqcPager<T>
{
    public const int MaxPageSize = 100;

    private readonly Func<long, int, CancellationToken, Task<DqcPage<T>>> _fetch;
    private readonly Func<T, bool>? _filter;
    private readonly int _pageSize;
    private long _offset;
    private long _toSkip;
    private long? _remaining;
    private bool _done;

    public DqcPager(Func<long, int, CancellationToken, Task<DqcPage<T>>> fetch, ulong skip = 0, ulong? first = null,
        Func<T, bool>? filter = null, int pageSize = MaxPageSize)
    {
        _fetch = fetch ?? throw new ArgumentNullException(nameof(fetch));
        if (pageSize < 1 || pageSize > MaxPageSize)
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "1 to 100.");
        _filter = filter;
        _pageSize = pageSize;
        long clampedSkip = skip > long.MaxValue ? long.MaxValue : (long)skip;
        if (filter is null) _offset = clampedSkip;
        else _toSkip = clampedSkip;
        _remaining = first.HasValue ? (long)Math.Min(first.Value, long.MaxValue) : null;
    }

    /// <summary>The service's total for the query (before any client-side filter); null until the first page.</summary>
    public long? TotalCount { get; private set; }

    /// <summary>Whether <see cref="TotalCount"/> counts what the caller sees (no client-side filter).</summary>
    public bool TotalIsExactForOutput => _filter is null;

    /// <summary>How many requests were sent.</summary>
    public int Requests { get; private set; }

    /// <summary>True once no further request will be made.</summary>
    public bool IsDone => _done || _remaining == 0;

    /// <summary>True when paging ended because the service had no more records (not because of First or
    /// Stop).</summary>
    public bool Exhausted { get; private set; }

    /// <summary>Checked after each page: when it returns true, no further page is requested (e.g. all wanted IDs
    /// found).</summary>
    public Func<bool>? StopCondition { get; set; }

    /// <summary>Ends paging: the next <see cref="NextPageAsync"/> returns null without a request.</summary>
    public void Stop() => _done = true;

    /// <summary>
    /// Requests the next page and returns the records the caller should see (possibly none), or null when the
    /// list is exhausted. <paramref name="forceRequest"/> makes one request even when First is 0 (for the total).
    /// </summary>
    public async Task<IReadOnlyList<T>?> NextPageAsync(CancellationToken cancellationToken, bool forceRequest = false)
    {
        if (_done || (_remaining == 0 && !(forceRequest && Requests == 0)))
        {
            _done = true;
            return null;
        }

        int limit = _pageSize;
        if (_filter is null && _remaining.HasValue && _remaining.Value < limit)
            limit = (int)Math.Max(1, _remaining.Value);   // First 0 with a forced request: one record, for the total

        var page = await _fetch(_offset, limit, cancellationToken).ConfigureAwait(false);
        Requests++;
        TotalCount = page.Count;
        int received = page.Items.Count;
        _offset += received;
        // Not "received < limit": a service that caps limit lower than asked would end the list early.
        if (received == 0 || _offset >= page.Count)
        {
            _done = true;
            Exhausted = true;
        }

        var visible = new List<T>(received);
        foreach (var item in page.Items)
        {
            if (_remaining == 0) break;
            if (_filter != null)
            {
                if (!_filter(item)) continue;
                if (_toSkip > 0) { _toSkip--; continue; }
            }
            visible.Add(item);
            if (_remaining.HasValue) _remaining--;
        }
        if (_remaining == 0 || StopCondition?.Invoke() == true) _done = true;
        return visible;
    }
}

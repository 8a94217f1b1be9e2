namespace DataArtsQuality.Emulator.Faults;

/// <summary>
/// The fault queue and the enforced rate limit. Faults are taken first-in-first-out by the API requests they match;
/// /_emulator/* calls are never affected.
/// </summary>
public sealed class FaultState
{
    private readonly object _lock = new();
    private readonly List<FaultSpec> _queue = new();
    private readonly Dictionary<string, Queue<long>> _windows = new(StringComparer.Ordinal);
    private int _applied;

    public int Applied { get { lock (_lock) return _applied; } }

    public void Add(FaultSpec fault)
    {
        lock (_lock) _queue.Add(fault);
    }

    public void Clear()
    {
        lock (_lock)
        {
            _queue.Clear();
            _applied = 0;
        }
    }

    public JsonArray Pending()
    {
        lock (_lock) return new JsonArray(_queue.Select(f => (JsonNode?)f.ToJson()).ToArray());
    }

    /// <summary>The first queued fault that matches the request, used up by one.</summary>
    public FaultSpec? Take(string method, string path)
    {
        lock (_lock)
        {
            var fault = _queue.FirstOrDefault(f =>
                (f.Method is null || string.Equals(f.Method, method, StringComparison.OrdinalIgnoreCase))
                && (f.PathContains is null || path.Contains(f.PathContains, StringComparison.OrdinalIgnoreCase)));
            if (fault is null) return null;
            if (--fault.Times <= 0) _queue.Remove(fault);
            _applied++;
            return fault;
        }
    }

    // ---- enforced rate limit -------------------------------------------------------------------------------------

    /// <summary>Requests per caller per <see cref="LimitPeriodMs"/>; 0 = not enforced (the default).</summary>
    public int LimitCount { get; private set; }

    public int LimitPeriodMs { get; private set; } = 10_000;

    public int Rejected { get; private set; }

    public int Admitted { get; private set; }

    /// <summary>
    /// Whether a refused request takes a slot of the window too; the docs do not say [inf], so both are offered.
    /// </summary>
    public bool CountRefused { get; private set; }

    private readonly Dictionary<string, int> _rejectedBy = new(StringComparer.Ordinal);

    public int RejectedBy(string caller)
    {
        lock (_lock) return _rejectedBy.TryGetValue(caller, out int n) ? n : 0;
    }

    /// <summary>
    /// The refusals per caller since the limit was set (callers named as in the request log, no credential).
    /// </summary>
    public IReadOnlyDictionary<string, int> RejectedByCaller()
    {
        lock (_lock) return new Dictionary<string, int>(_rejectedBy, StringComparer.Ordinal);
    }

    /// <summary>The admissions per caller since the limit was set.</summary>
    public IReadOnlyDictionary<string, int> AdmittedByCaller()
    {
        lock (_lock) return new Dictionary<string, int>(_admittedBy, StringComparer.Ordinal);
    }

    private readonly Dictionary<string, int> _admittedBy = new(StringComparer.Ordinal);

    public void SetLimit(int count, int periodMs, bool countRefused = false)
    {
        lock (_lock)
        {
            CountRefused = countRefused;
            _rejectedBy.Clear();
            _admittedBy.Clear();
            LimitCount = Math.Max(0, count);
            LimitPeriodMs = periodMs > 0 ? periodMs : 10_000;
            _windows.Clear();
            Rejected = 0;
            Admitted = 0;
        }
    }

    /// <summary>
    /// A sliding window per caller: at most LimitCount requests in any LimitPeriodMs. The docs give the limit (40 per
    /// user per 10 s) but not how the gateway counts (docs/service-notes.md, Rate limit); a sliding window is the
    /// strictest reading [inf].
    /// </summary>
    public bool TryAdmit(string caller, long nowMs)
    {
        lock (_lock)
        {
            if (LimitCount <= 0) return true;
            if (!_windows.TryGetValue(caller, out var window)) _windows[caller] = window = new Queue<long>();
            while (window.Count > 0 && window.Peek() <= nowMs - LimitPeriodMs) window.Dequeue();
            if (window.Count >= LimitCount)
            {
                Rejected++;
                _rejectedBy[caller] = RejectedBy(caller) + 1;
                if (CountRefused) window.Enqueue(nowMs);
                return false;
            }
            window.Enqueue(nowMs);
            Admitted++;
            _admittedBy[caller] = (_admittedBy.TryGetValue(caller, out int admitted) ? admitted : 0) + 1;
            return true;
        }
    }
}

using System.Text.Json.Nodes;

namespace DataArtsQuality.Emulator.Faults;

/// <summary>What can go wrong with one API request (queued by tests through /_emulator/faults).</summary>
public enum FaultKind
{
    /// <summary>Answer with a status instead of the service: 429 (JSON APIG.0308, optional Retry-After), 5xx (HTML page as a gateway sends).</summary>
    Status,
    /// <summary>Drop the connection without an answer: before the service acts, or after it acted (AfterProcessing).</summary>
    Reset,
    /// <summary>Wait DelayMs before acting and answering. The service acts even if the caller gave up meanwhile.</summary>
    Slow,
    /// <summary>Act, then answer 200 with a JSON body cut in the middle (well-formed HTTP, broken JSON).</summary>
    Malformed,
    /// <summary>Act, then announce the full Content-Length, send half the body and drop the connection.</summary>
    Truncate,
}

public sealed class FaultSpec
{
    public FaultKind Kind { get; init; }
    public int Status { get; init; } = 503;
    /// <summary>The Retry-After header value as sent: seconds ("2") or an HTTP date; null sends none.</summary>
    public string? RetryAfter { get; init; }
    public int DelayMs { get; init; }
    public bool AfterProcessing { get; init; }
    /// <summary>Only requests with this method (null: any).</summary>
    public string? Method { get; init; }
    /// <summary>Only requests whose path contains this text (null: any API path).</summary>
    public string? PathContains { get; init; }
    /// <summary>How many matching requests this fault hits before it is used up.</summary>
    public int Times { get; set; } = 1;

    /// <summary>
    /// A fault from its JSON form (POST /_emulator/faults, --fault): {"kind":"status|reset|slow|malformed|truncate",
    /// "status":503, "retry_after":"2", "delay_ms":3000, "after":true, "method":"POST", "path":"instances/restart",
    /// "times":1}; null when kind is missing or unknown.
    /// </summary>
    public static FaultSpec? FromJson(JsonObject? json)
    {
        if (json is null || json["kind"] is not JsonValue kindValue || !kindValue.TryGetValue<string>(out var kindText)
            || !Enum.TryParse<FaultKind>(kindText, ignoreCase: true, out var kind))
            return null;
        return new FaultSpec
        {
            Kind = kind,
            Status = Int(json["status"]) ?? 503,
            RetryAfter = json["retry_after"]?.ToString(),
            DelayMs = Int(json["delay_ms"]) ?? 0,
            AfterProcessing = json["after"] is JsonValue after && after.GetValue<bool>(),
            Method = json["method"]?.GetValue<string>(),
            PathContains = json["path"]?.GetValue<string>(),
            Times = Math.Max(1, Int(json["times"]) ?? 1),
        };
    }

    private static int? Int(JsonNode? node) => node is JsonValue v && int.TryParse(v.ToString(), out int i) ? i : null;

    public JsonObject ToJson() => new()
    {
        ["kind"] = Kind.ToString().ToLowerInvariant(),
        ["status"] = Status,
        ["retry_after"] = RetryAfter,
        ["delay_ms"] = DelayMs,
        ["after"] = AfterProcessing,
        ["method"] = Method,
        ["path"] = PathContains,
        ["times"] = Times,
    };
}

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

    public void SetLimit(int count, int periodMs)
    {
        lock (_lock)
        {
            LimitCount = Math.Max(0, count);
            LimitPeriodMs = periodMs > 0 ? periodMs : 10_000;
            _windows.Clear();
            Rejected = 0;
            Admitted = 0;
        }
    }

    /// <summary>
    /// A sliding window per caller: at most LimitCount requests in any LimitPeriodMs. dqc-api.md §1.4 gives the limit
    /// (40 per user per 10 s) but not how the gateway counts; a sliding window is the strictest reading [inf].
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
                return false;
            }
            window.Enqueue(nowMs);
            Admitted++;
            return true;
        }
    }
}

namespace DataArtsQuality.Emulator.Faults;

/// <summary>One queued fault: what goes wrong, for which requests, how many times.</summary>
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
            Status = JsonRead.LooseInt(json["status"]) ?? 503,
            RetryAfter = json["retry_after"]?.ToString(),
            DelayMs = JsonRead.LooseInt(json["delay_ms"]) ?? 0,
            AfterProcessing = json["after"] is JsonValue after && after.GetValue<bool>(),
            Method = json["method"]?.GetValue<string>(),
            PathContains = json["path"]?.GetValue<string>(),
            Times = Math.Max(1, JsonRead.LooseInt(json["times"]) ?? 1),
        };
    }

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

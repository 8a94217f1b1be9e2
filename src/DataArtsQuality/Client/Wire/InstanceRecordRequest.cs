namespace DataArtsQuality.Client.Wire;

/// <summary>Body of PUT /instances/{id}. cancel_run has the documented inverted polarity: false = cancel.</summary>
internal sealed class InstanceRecordRequest
{
    [JsonPropertyName("detail")] public string? Detail { get; set; }
    [JsonPropertyName("operator")] public string? Operator { get; set; }
    [JsonPropertyName("open")] public bool Open { get; set; }
    [JsonPropertyName("cancel_run")] public bool CancelRunWire { get; set; }
}

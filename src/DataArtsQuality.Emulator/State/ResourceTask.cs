namespace DataArtsQuality.Emulator.State;

/// <summary>An import or export task. Each status read moves it one step (WAITING → RUNNING → SUCCESS, then file
/// PREPARING → GENERATED) [inf: the real timing is undocumented; per-read steps keep tests fast and
/// deterministic].</summary>
public sealed class ResourceTask
{
    public string ResourceId { get; init; } = "";
    public string Id { get; init; } = "";
    public string Action { get; init; } = "EXPORT";
    public string WireType { get; init; } = "";
    public string FileName { get; set; } = "";
    public int Reads { get; set; }
    public string Status { get; set; } = "WAITING";
    public string FileStatus { get; set; } = "PREPARING";
    public string? FailWith { get; set; }
    public string ErrorMsg { get; set; } = "";
    public byte[] Content { get; set; } = Array.Empty<byte>();
    public long StartTime { get; init; }
    public long? EndTime { get; set; }
    /// <summary>Runs once when an import task reaches SUCCESS; returns an error message to fail instead.</summary>
    public Func<string?>? OnComplete { get; set; }
    public bool Imported { get; set; }
}

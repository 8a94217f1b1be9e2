namespace DataArtsQuality.Emulator.State;

/// <summary>A row of the business score report: a table under up to three business levels.</summary>
public sealed record BusinessScoreRow(string Id, string? L1, string? L2, string? L3, string TableName,
    double? L1Score, double? L2Score, double? L3Score, double TableScore);

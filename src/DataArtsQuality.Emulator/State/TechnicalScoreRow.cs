namespace DataArtsQuality.Emulator.State;

/// <summary>A row of the technical score report: one table of a data connection and database.</summary>
public sealed record TechnicalScoreRow(string ConnectionId, string ConnectionName, string Database, string Table,
    double ConnectionScore, double DatabaseScore, double TableScore);

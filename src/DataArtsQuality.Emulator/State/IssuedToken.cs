namespace DataArtsQuality.Emulator.State;

/// <summary>A token the emulator's IAM issued.</summary>
public sealed record IssuedToken(
    string Value, string ProjectId, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, string UserName = "");

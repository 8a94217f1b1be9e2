namespace DataArtsQuality.Client.Iam;

/// <summary>A project-scoped token from an IAM password login.</summary>
internal sealed record IamToken(SecureString Value, DateTimeOffset ExpiresAt, DateTimeOffset? IssuedAt,
    string? ProjectId, string? ProjectName);

namespace DataArtsQuality.Client.Iam
{
    /// <summary>A project-scoped token from an IAM password login.</summary>
    internal sealed class IamToken
    {
        public IamToken(SecureString value, DateTimeOffset expiresAt, DateTimeOffset? issuedAt, string? projectId, string? projectName)
        {
            Value = value;
            ExpiresAt = expiresAt;
            IssuedAt = issuedAt;
            ProjectId = projectId;
            ProjectName = projectName;
        }

        public SecureString Value { get; }
        public DateTimeOffset ExpiresAt { get; }
        public DateTimeOffset? IssuedAt { get; }
        public string? ProjectId { get; }
        public string? ProjectName { get; }
    }
}

namespace DataArtsQuality.Models;

/// <summary>What Get-DqcContext shows about a connection. It never holds a secret.</summary>
public sealed class DqcContextInfo
{
    public string Name { get; set; } = "";
    public Uri Endpoint { get; set; } = null!;
    public string? Region { get; set; }
    public string ProjectId { get; set; } = "";
    public string WorkspaceId { get; set; } = "";
    /// <summary>Token, Password, AkSk, TemporaryAkSk or Environment.</summary>
    public string AuthenticationType { get; set; } = "";
    /// <summary>When the credential stops working, where that is known (tokens from IAM, supplied tokens are
    /// not).</summary>
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset ConnectedAt { get; set; }
    public bool IsDefault { get; set; }
    /// <summary>
    /// Where the connection lives: Session (the session's default, used by runspaces without their own), Runspace
    /// (a default made in this runspace only) or Process (a named connection, visible to every runspace).
    /// </summary>
    public string Scope { get; set; } = "";
}

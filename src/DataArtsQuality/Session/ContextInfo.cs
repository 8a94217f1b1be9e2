namespace DataArtsQuality.Session;

internal static class ContextInfo
{
    /// <summary>The public face of a connection: everything but the credential.</summary>
    public static DqcContextInfo From(DqcConnection connection) => new DqcContextInfo
    {
        Name = connection.Name,
        Endpoint = connection.Endpoint,
        Region = connection.Region,
        ProjectId = connection.ProjectId,
        WorkspaceId = connection.WorkspaceId,
        AuthenticationType = connection.Authenticator.Kind.ToString(),
        ExpiresAt = connection.Authenticator.ExpiresAt,
        ConnectedAt = connection.ConnectedAt,
        IsDefault = DqcSessionState.IsDefault(connection),
        Scope = connection.Scope.ToString(),
    };
}

namespace DataArtsQuality.Client;

/// <summary>
/// What a connection is to the session state. The default connection is the one Connect-DqcWorkspace makes without
/// -Name: each runspace has its own (the session's serves every runspace without one). A named connection is one
/// per name in the whole process. <see cref="DqcConnectionNames.RoleOf"/> tells them apart by the user's text.
/// </summary>
internal enum DqcConnectionRole
{
    Default,
    Named,
}

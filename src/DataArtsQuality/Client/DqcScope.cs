namespace DataArtsQuality.Client;

/// <summary>
/// Where a connection or the settings live, as Get-DqcContext and Get-DqcConfig show it: the session (the runspace
/// the module was first imported into), one other runspace, or the whole process (named connections).
/// </summary>
internal enum DqcScope
{
    Session,
    Runspace,
    Process,
}

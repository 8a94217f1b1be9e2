namespace DataArtsQuality.Session;

/// <summary>
/// What one runspace has of its own: its default connection (one it made, or the name of a process-wide named
/// connection it chose) and its settings. <see cref="Own"/> and <see cref="ChosenName"/> are guarded by
/// <see cref="DqcSessionState"/>'s lock, <see cref="Settings"/> by <see cref="DqcConfigState"/>'s.
/// </summary>
internal sealed class RunspaceScope
{
    public RunspaceScope(bool isSession) => IsSession = isSession;

    /// <summary>The session's scope: the runspace the module was first imported into.</summary>
    public bool IsSession { get; }

    /// <summary>The default connection made here (Connect-DqcWorkspace without -Name).</summary>
    public DqcConnection? Own { get; set; }

    /// <summary>The named connection chosen here as the default (Connect-DqcWorkspace -Name), or null for <see
    /// cref="Own"/>.</summary>
    public string? ChosenName { get; set; }

    /// <summary>Set-DqcConfig made here; null follows the session's.</summary>
    public DqcSettings? Settings { get; set; }

    public DqcScope Scope => IsSession ? DqcScope.Session : DqcScope.Runspace;
}

namespace DataArtsQuality.Session;

/// <summary>
/// The HTTP settings (Set-DqcConfig / Get-DqcConfig). The session's start from the DQC_* environment variables the
/// first time they are read. A runspace that made no Set-DqcConfig of its own uses the session's; Set-DqcConfig in a
/// runspace other than the session's changes only that runspace's (see <see cref="RunspaceScopes"/>). A cmdlet reads
/// the settings of the runspace it runs in when it starts and keeps them for all its requests.
/// </summary>
internal static class DqcConfigState
{
    /// <summary>Guards every scope's <see cref="RunspaceScope.Settings"/> and the environment's problems.</summary>
    private static readonly object Gate = new object();

    private static IReadOnlyList<string> _problems = new string[0];

    /// <summary>A copy of the settings that apply in the calling runspace (change it and pass it to <see
    /// cref="Apply"/>).</summary>
    public static DqcSettings Current
    {
        get
        {
            lock (Gate) return Effective(RunspaceScopes.FindCurrent()).Clone();
        }
    }

    /// <summary>Session, or Runspace when the calling runspace has settings of its own.</summary>
    public static DqcScope Scope
    {
        get
        {
            lock (Gate)
            {
                var scope = RunspaceScopes.FindCurrent();
                return scope?.Settings != null ? scope.Scope : DqcScope.Session;
            }
        }
    }

    /// <summary>DQC_* variables that were set but could not be used.</summary>
    public static IReadOnlyList<string> EnvironmentProblems
    {
        get { lock (Gate) { Effective(RunspaceScopes.Session); return _problems; } }
    }

    /// <summary>Makes <paramref name="settings"/> the calling runspace's (in the session: the session's).</summary>
    public static void Apply(DqcSettings settings)
    {
        var copy = settings.Clone().Validate();
        lock (Gate) RunspaceScopes.GetOrCreateCurrent().Settings = copy;
    }

    /// <summary>The session: back to the defaults and the environment variables. Another runspace: back to the
    /// session's.</summary>
    public static void Reset()
    {
        lock (Gate)
        {
            var scope = RunspaceScopes.FindCurrent();
            if (scope is null) return; // a runspace with no scope has no settings of its own to drop
            scope.Settings = scope.IsSession ? DqcSettings.FromEnvironment(out _problems) : null;
        }
    }

    /// <summary>The session ends (see <see cref="RunspaceScopes"/>): a new import reads the environment
    /// again.</summary>
    public static void ClearSession()
    {
        lock (Gate) RunspaceScopes.Session.Settings = null;
    }

    private static DqcSettings Effective(RunspaceScope? scope)
    {
        if (scope?.Settings != null) return scope.Settings;
        var session = RunspaceScopes.Session;
        return session.Settings ??= DqcSettings.FromEnvironment(out _problems);
    }
}

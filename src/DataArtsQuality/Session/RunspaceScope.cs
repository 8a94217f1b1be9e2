namespace DataArtsQuality.Session
{
    /// <summary>
    /// What one runspace has of its own: its default connection (an unnamed one, or the name of a process-wide named
    /// connection it chose) and its settings. Fields are guarded by <see cref="RunspaceScopes.Gate"/>.
    /// </summary>
    internal sealed class RunspaceScope
    {
        public RunspaceScope(bool isSession) => IsSession = isSession;

        /// <summary>The session's scope: the runspace the module was first imported into.</summary>
        public bool IsSession { get; }

        /// <summary>The unnamed connection made here (Connect-DqcWorkspace without -Name).</summary>
        public DqcConnection? Own { get; set; }

        /// <summary>The named connection chosen here as the default (Connect-DqcWorkspace -Name), or null for <see cref="Own"/>.</summary>
        public string? ChosenName { get; set; }

        /// <summary>Set-DqcConfig made here; null follows the session's.</summary>
        public DqcSettings? Settings { get; set; }

        public string Name => IsSession ? "Session" : "Runspace";
    }
}

namespace DataArtsQuality.Session
{
    /// <summary>
    /// The HTTP settings (Set-DqcConfig / Get-DqcConfig). The session's start from the DQC_* environment variables the
    /// first time they are read. A runspace that made no Set-DqcConfig of its own uses the session's; Set-DqcConfig in a
    /// runspace other than the session's changes only that runspace's (see <see cref="RunspaceScopes"/>). A cmdlet reads
    /// the settings of the runspace it runs in when it starts and keeps them for all its requests.
    /// </summary>
    internal static class DqcConfigState
    {
        private static IReadOnlyList<string> _problems = new string[0];

        /// <summary>A copy of the settings that apply in the calling runspace (change it and pass it to <see cref="Apply"/>).</summary>
        public static DqcSettings Current
        {
            get
            {
                lock (RunspaceScopes.Gate) return Effective(RunspaceScopes.Current).Clone();
            }
        }

        /// <summary>Session, or Runspace when the calling runspace has settings of its own.</summary>
        public static string Scope
        {
            get { lock (RunspaceScopes.Gate) return RunspaceScopes.Current.Settings != null ? RunspaceScopes.Current.Name : "Session"; }
        }

        /// <summary>DQC_* variables that were set but could not be used.</summary>
        public static IReadOnlyList<string> EnvironmentProblems
        {
            get { lock (RunspaceScopes.Gate) { Effective(RunspaceScopes.Session); return _problems; } }
        }

        /// <summary>Makes <paramref name="settings"/> the calling runspace's (in the session: the session's).</summary>
        public static void Apply(DqcSettings settings)
        {
            var copy = settings.Clone().Validate();
            lock (RunspaceScopes.Gate) RunspaceScopes.Current.Settings = copy;
        }

        /// <summary>The session: back to the defaults and the environment variables. Another runspace: back to the session's.</summary>
        public static void Reset()
        {
            lock (RunspaceScopes.Gate)
            {
                var scope = RunspaceScopes.Current;
                scope.Settings = scope.IsSession ? DqcSettings.FromEnvironment(out _problems) : null;
            }
        }

        private static DqcSettings Effective(RunspaceScope scope)
        {
            if (scope.Settings != null) return scope.Settings;
            var session = RunspaceScopes.Session;
            return session.Settings ??= DqcSettings.FromEnvironment(out _problems);
        }
    }
}

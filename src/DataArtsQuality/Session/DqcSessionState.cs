using DataArtsQuality.Client.Reruns;

namespace DataArtsQuality.Session
{
    /// <summary>
    /// The module's connections in a process with many runspaces (ForEach-Object -Parallel, thread jobs, pools):
    /// <list type="bullet">
    /// <item>Connect-DqcWorkspace without -Name makes the calling runspace's own default connection. In the session (see
    /// <see cref="RunspaceScopes"/>) that is the session's default, which every runspace without a default of its own
    /// uses: connect once, then fan out.</item>
    /// <item>Connect-DqcWorkspace -Name makes a named connection, visible to every runspace (-Connection name), and the
    /// calling runspace's default.</item>
    /// <item>Replacing or removing a connection only drops the state's reference: the connection stays usable until the
    /// last cmdlet and request using it are done (<see cref="DqcConnection.TryAcquire"/>).</item>
    /// </list>
    /// </summary>
    internal static class DqcSessionState
    {
        public const string DefaultName = "default";

        /// <summary>
        /// The reruns sent in this process, by every runspace (Get-DqcRerun). Kept across Remove-Module: they are what
        /// happened on the service, and the user may need them after a stop.
        /// </summary>
        public static DqcRerunHistory Reruns { get; } = new DqcRerunHistory();
        private static readonly Dictionary<string, DqcConnection> Named = new Dictionary<string, DqcConnection>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Whether a connection of this name is a runspace's own (unnamed) rather than a process-wide named one.</summary>
        public static bool IsUnnamed(string name) => string.Equals(name, DefaultName, StringComparison.OrdinalIgnoreCase);

        /// <summary>The default connection of the calling runspace: its own, else the session's.</summary>
        public static DqcConnection? Default
        {
            get { lock (RunspaceScopes.Gate) return DefaultIn(RunspaceScopes.Current); }
        }

        /// <summary>The default the calling runspace has of its own (not the session's); null if none.</summary>
        public static DqcConnection? OwnDefault
        {
            get
            {
                lock (RunspaceScopes.Gate)
                {
                    var scope = RunspaceScopes.Current;
                    return ChosenOrOwn(scope);
                }
            }
        }

        /// <summary>Whether the calling thread runs in the session's runspace (or outside any).</summary>
        public static bool IsSessionRunspace
        {
            get { lock (RunspaceScopes.Gate) return RunspaceScopes.Current.IsSession; }
        }

        /// <summary>A named connection, or for "default" the calling runspace's default.</summary>
        public static DqcConnection? Find(string name)
        {
            lock (RunspaceScopes.Gate)
            {
                if (Named.TryGetValue(name, out var c)) return c;
                if (!IsUnnamed(name)) return null;
                var scope = RunspaceScopes.Current;
                return scope.Own ?? (scope.IsSession ? null : RunspaceScopes.Session.Own);
            }
        }

        /// <summary>The connections the calling runspace can use: the named ones and its (or the session's) unnamed default.</summary>
        public static IReadOnlyList<DqcConnection> All
        {
            get
            {
                lock (RunspaceScopes.Gate)
                {
                    var list = Named.Values.ToList();
                    var scope = RunspaceScopes.Current;
                    var own = scope.Own ?? (scope.IsSession || ChosenOrOwn(scope) != null ? null : RunspaceScopes.Session.Own);
                    if (own != null) list.Add(own);
                    return list;
                }
            }
        }

        public static bool IsDefault(DqcConnection connection) => ReferenceEquals(Default, connection);

        /// <summary>
        /// Adds or replaces a connection and makes it the calling runspace's default. An unnamed one ("default") is this
        /// runspace's own; a named one is process-wide. The replaced connection closes once nobody uses it any more.
        /// </summary>
        public static void Set(DqcConnection connection)
        {
            DqcConnection? old;
            lock (RunspaceScopes.Gate)
            {
                var scope = RunspaceScopes.Current;
                if (IsUnnamed(connection.Name))
                {
                    old = scope.Own;
                    scope.Own = connection;
                    scope.ChosenName = null;
                    connection.Scope = scope.Name;
                }
                else
                {
                    Named.TryGetValue(connection.Name, out old);
                    Named[connection.Name] = connection;
                    scope.ChosenName = connection.Name;
                    connection.Scope = "Process";
                }
            }
            if (old != null && !ReferenceEquals(old, connection)) old.Dispose();
        }

        /// <summary>Removes a connection from wherever the calling runspace sees it; other runspaces' own stay.</summary>
        public static bool Remove(DqcConnection connection)
        {
            lock (RunspaceScopes.Gate)
            {
                var scope = RunspaceScopes.Current;
                if (Named.TryGetValue(connection.Name, out var named) && ReferenceEquals(named, connection))
                {
                    Named.Remove(connection.Name);
                    if (string.Equals(scope.ChosenName, connection.Name, StringComparison.OrdinalIgnoreCase)) scope.ChosenName = null;
                }
                else if (ReferenceEquals(scope.Own, connection)) scope.Own = null;
                else if (ReferenceEquals(RunspaceScopes.Session.Own, connection)) RunspaceScopes.Session.Own = null;
                else return false;
                // The session's default moves to a remaining connection, if any (another runspace falls back to the session's).
                var session = RunspaceScopes.Session;
                if (ChosenOrOwn(session) is null && Named.Count > 0) session.ChosenName = Named.Keys.First();
            }
            connection.Dispose();
            return true;
        }

        /// <summary>Disconnect-DqcWorkspace -All: the named connections and the calling runspace's own.</summary>
        public static int Clear()
        {
            List<DqcConnection> gone;
            lock (RunspaceScopes.Gate)
            {
                var scope = RunspaceScopes.Current;
                gone = Named.Values.ToList();
                Named.Clear();
                if (scope.Own != null) gone.Add(scope.Own);
                scope.Own = null;
                scope.ChosenName = null;
            }
            foreach (var c in gone) c.Dispose();
            return gone.Count;
        }

        /// <summary>
        /// The session ends (Remove-Module or its runspace closed): its default, its settings and the named connections
        /// go, so a new import starts from the defaults and DQC_* variables (the assembly and its statics stay loaded).
        /// </summary>
        public static void ClearSession()
        {
            List<DqcConnection> gone;
            lock (RunspaceScopes.Gate)
            {
                var session = RunspaceScopes.Session;
                gone = Named.Values.ToList();
                Named.Clear();
                if (session.Own != null) gone.Add(session.Own);
                session.Own = null;
                session.ChosenName = null;
                session.Settings = null;
            }
            foreach (var c in gone) c.Dispose();
        }

        /// <summary>Remove-Module in a runspace: the session clears (<see cref="ClearSession"/>), another runspace drops only its own.</summary>
        public static void ForgetCurrentRunspace()
        {
            RunspaceScope? scope;
            bool session;
            lock (RunspaceScopes.Gate)
            {
                session = RunspaceScopes.Current.IsSession;
                scope = session ? null : RunspaceScopes.Forget();
            }
            if (session) ClearSession();
            else if (scope != null) Release(scope);
        }

        /// <summary>Lets go of what a forgotten runspace scope held.</summary>
        internal static void Release(RunspaceScope scope)
        {
            DqcConnection? own;
            lock (RunspaceScopes.Gate)
            {
                own = scope.Own;
                scope.Own = null;
                scope.ChosenName = null;
                scope.Settings = null;
            }
            own?.Dispose();
        }

        /// <summary>Where a connection lives, as Get-DqcContext shows it: Session, Runspace or Process (named).</summary>
        public static string ScopeOf(DqcConnection connection) => connection.Scope.Length > 0 ? connection.Scope : "Runspace";

        private static DqcConnection? ChosenOrOwn(RunspaceScope scope)
        {
            if (scope.ChosenName != null && Named.TryGetValue(scope.ChosenName, out var chosen)) return chosen;
            return scope.Own;
        }

        private static DqcConnection? DefaultIn(RunspaceScope scope)
            => ChosenOrOwn(scope) ?? (scope.IsSession ? null : ChosenOrOwn(RunspaceScopes.Session));
    }
}

using DataArtsQuality.Client.Reruns;

namespace DataArtsQuality.Session;

/// <summary>
/// The module's connections in a process with many runspaces (ForEach-Object -Parallel, thread jobs, pools):
/// <list type="bullet">
/// <item>Connect-DqcWorkspace without -Name makes the calling runspace's own default connection
/// (<see cref="DqcConnectionRole.Default"/>). In the session (see <see cref="RunspaceScopes"/>) that is the session's
/// default, which every runspace without a default of its own uses: connect once, then fan out.</item>
/// <item>Connect-DqcWorkspace -Name makes a named connection, visible to every runspace (-Connection name), and the
/// calling runspace's default.</item>
/// <item>Replacing or removing a connection only drops the state's reference: the connection stays usable until the
/// last cmdlet and request using it are done (<see cref="DqcConnection.TryAcquire"/>).</item>
/// </list>
/// </summary>
internal static class DqcSessionState
{
    /// <summary>Guards <see cref="Named"/> and every scope's <see cref="RunspaceScope.Own"/> and <see
    /// cref="RunspaceScope.ChosenName"/>.</summary>
    private static readonly object Gate = new object();

    /// <summary>
    /// The reruns sent in this process, by every runspace (Get-DqcRerun). Kept across Remove-Module: they are what
    /// happened on the service, and the user may need them after a stop.
    /// </summary>
    public static DqcRerunHistory Reruns { get; } = new DqcRerunHistory();
    private static readonly Dictionary<string, DqcConnection> Named = new Dictionary<string, DqcConnection>(
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The connection a cmdlet uses without -Connection: the calling runspace's default, else the
    /// session's.</summary>
    public static DqcConnection? Default
    {
        get { lock (Gate) return ChosenOrOwn(DefaultScope(RunspaceScopes.FindCurrent())); }
    }

    /// <summary>
    /// Whether the calling runspace has no default of its own and uses the session's: a runspace other than the
    /// session's that made no connection and chose none.
    /// </summary>
    public static bool UsesSessionDefault
    {
        get
        {
            lock (Gate)
            {
                var scope = RunspaceScopes.FindCurrent();
                return scope?.IsSession != true && DefaultScope(scope).IsSession && ChosenOrOwn(
                    RunspaceScopes.Session) != null;
            }
        }
    }

    /// <summary>A named connection, or for the default connection's name the default connection the calling runspace
    /// sees.</summary>
    public static DqcConnection? Find(string name)
    {
        lock (Gate)
        {
            if (DqcConnectionNames.RoleOf(name) == DqcConnectionRole.Default)
                return DefaultScope(RunspaceScopes.FindCurrent()).Own;
            return Named.TryGetValue(name, out var c) ? c : null;
        }
    }

    /// <summary>The connections the calling runspace can use: the named ones and the default connection it
    /// sees.</summary>
    public static IReadOnlyList<DqcConnection> All
    {
        get
        {
            lock (Gate)
            {
                var list = Named.Values.ToList();
                var own = DefaultScope(RunspaceScopes.FindCurrent()).Own;
                if (own != null) list.Add(own);
                return list;
            }
        }
    }

    public static bool IsDefault(DqcConnection connection) => ReferenceEquals(Default, connection);

    /// <summary>
    /// Adds or replaces a connection and makes it the calling runspace's default. The default connection is this
    /// runspace's own; a named one is process-wide. The replaced connection closes once nobody uses it any more.
    /// </summary>
    public static void Set(DqcConnection connection)
    {
        DqcConnection? old;
        lock (Gate)
        {
            var scope = RunspaceScopes.GetOrCreateCurrent();
            if (connection.Role == DqcConnectionRole.Default)
            {
                old = scope.Own;
                scope.Own = connection;
                scope.ChosenName = null;
                connection.Scope = scope.Scope;
            }
            else
            {
                Named.TryGetValue(connection.Name, out old);
                Named[connection.Name] = connection;
                scope.ChosenName = connection.Name;
                connection.Scope = DqcScope.Process;
            }
        }
        if (old != null && !ReferenceEquals(old, connection)) old.Dispose();
    }

    /// <summary>Removes a connection from wherever the calling runspace sees it; other runspaces' own stay.</summary>
    public static bool Remove(DqcConnection connection)
    {
        lock (Gate)
        {
            var scope = RunspaceScopes.FindCurrent();
            var session = RunspaceScopes.Session;
            if (Named.TryGetValue(connection.Name, out var named) && ReferenceEquals(named, connection))
            {
                Named.Remove(connection.Name);
                if (scope != null && string.Equals(scope.ChosenName, connection.Name,
                    StringComparison.OrdinalIgnoreCase))
                    scope.ChosenName = null;
            }
            else if (scope != null && ReferenceEquals(scope.Own, connection)) scope.Own = null;
            else if (ReferenceEquals(session.Own, connection)) session.Own = null;
            else return false;
            // The session's default moves to a remaining connection, if any (another runspace falls back to the
            // session's).
            if (ChosenOrOwn(session) is null && Named.Count > 0) session.ChosenName = Named.Keys.First();
        }
        connection.Dispose();
        return true;
    }

    /// <summary>Disconnect-DqcWorkspace -All: the named connections and the calling runspace's own.</summary>
    public static int Clear()
    {
        List<DqcConnection> gone;
        lock (Gate)
        {
            var scope = RunspaceScopes.FindCurrent();
            gone = Named.Values.ToList();
            Named.Clear();
            if (scope?.Own != null) gone.Add(scope.Own);
            if (scope != null)
            {
                scope.Own = null;
                scope.ChosenName = null;
            }
        }
        foreach (var c in gone) c.Dispose();
        return gone.Count;
    }

    /// <summary>The session ends (see <see cref="RunspaceScopes"/>): its default and the named connections
    /// go.</summary>
    public static void ClearSession()
    {
        List<DqcConnection> gone;
        lock (Gate)
        {
            var session = RunspaceScopes.Session;
            gone = Named.Values.ToList();
            Named.Clear();
            if (session.Own != null) gone.Add(session.Own);
            session.Own = null;
            session.ChosenName = null;
        }
        foreach (var c in gone) c.Dispose();
    }

    /// <summary>Lets go of what a forgotten runspace scope held.</summary>
    internal static void Release(RunspaceScope scope)
    {
        DqcConnection? own;
        lock (Gate)
        {
            own = scope.Own;
            scope.Own = null;
            scope.ChosenName = null;
        }
        own?.Dispose();
    }

    private static DqcConnection? ChosenOrOwn(RunspaceScope scope)
    {
        if (scope.ChosenName != null && Named.TryGetValue(scope.ChosenName, out var chosen)) return chosen;
        return scope.Own;
    }

    /// <summary>
    /// The one fallback rule: a runspace with a default of its own (a connection it made or a named one it chose)
    /// goes by its own scope; any other, and one that has no scope yet, by the session's.
    /// </summary>
    private static RunspaceScope DefaultScope(RunspaceScope? scope)
        => scope != null && (scope.IsSession || ChosenOrOwn(scope) != null) ? scope : RunspaceScopes.Session;
}

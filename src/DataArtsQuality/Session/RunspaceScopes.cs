using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace DataArtsQuality.Session;

/// <summary>
/// Tells runspaces apart for the module state. A runspace is <see cref="Runspace.DefaultRunspace"/> of the thread a
/// cmdlet runs on (PowerShell sets it on every pipeline thread: the console, ForEach-Object -Parallel, thread jobs,
/// runspace pools). The session is the first runspace the module was imported into (the console's or the runbook's);
/// code that runs outside any runspace counts as the session too. Every other runspace gets a scope of its own the
/// first time it stores something (<see cref="GetOrCreateCurrent"/>); it is dropped (its connection released) when
/// that runspace closes, or with Remove-Module.
/// </summary>
internal static class RunspaceScopes
{
    /// <summary>
    /// Guards which runspace has which scope, and which is the session's. Taken last: the session and config state
    /// ask for scopes under their own locks, so nothing of theirs is called while it is held.
    /// </summary>
    private static readonly object Gate = new object();

    private static readonly ConditionalWeakTable<Runspace, RunspaceScope> ByRunspace = new ConditionalWeakTable<Runspace, RunspaceScope>();
    private static Runspace? _home;

    public static RunspaceScope Session { get; } = new RunspaceScope(isSession: true);

    /// <summary>The module was imported into the current runspace: the first such runspace is the session.</summary>
    public static void Imported()
    {
        var runspace = Runspace.DefaultRunspace;
        if (runspace is null) return;
        lock (Gate)
        {
            if (_home != null) return;
            _home = runspace;
        }
        runspace.StateChanged += OnHomeStateChanged;
    }

    /// <summary>Whether the calling thread runs in the session's runspace (or outside any).</summary>
    public static bool InSession()
    {
        var runspace = Runspace.DefaultRunspace;
        lock (Gate) return IsHome(runspace);
    }

    /// <summary>
    /// The scope of the runspace the calling thread runs in, or null for a runspace that has stored nothing yet (it
    /// has nothing of its own). Makes nothing: for readers.
    /// </summary>
    public static RunspaceScope? FindCurrent()
    {
        var runspace = Runspace.DefaultRunspace;
        lock (Gate)
        {
            if (IsHome(runspace)) return Session;
            return ByRunspace.TryGetValue(runspace!, out var scope) ? scope : null;
        }
    }

    /// <summary>
    /// The scope of the runspace the calling thread runs in, made the first time, when the runspace starts being
    /// watched so that its scope goes when it closes. For writers.
    /// </summary>
    public static RunspaceScope GetOrCreateCurrent()
    {
        var runspace = Runspace.DefaultRunspace;
        lock (Gate)
        {
            if (IsHome(runspace)) return Session;
            if (ByRunspace.TryGetValue(runspace!, out var scope)) return scope;
            scope = new RunspaceScope(isSession: false);
            ByRunspace.Add(runspace!, scope);
            runspace!.StateChanged += OnChildStateChanged;
            return scope;
        }
    }

    /// <summary>
    /// Remove-Module in the calling runspace: in the session, the session ends (<see cref="EndSession"/>); in another
    /// runspace only its scope goes, and what it held is let go.
    /// </summary>
    public static void ForgetCurrent()
    {
        var runspace = Runspace.DefaultRunspace;
        RunspaceScope? scope = null;
        bool session;
        lock (Gate)
        {
            session = IsHome(runspace);
            if (!session && ByRunspace.TryGetValue(runspace!, out scope))
            {
                ByRunspace.Remove(runspace!);
                runspace!.StateChanged -= OnChildStateChanged;
            }
        }
        if (session) EndSession();
        else if (scope != null) DqcSessionState.Release(scope);
    }

    private static bool IsHome(Runspace? runspace)
        => runspace is null || _home is null || ReferenceEquals(runspace, _home);

    /// <summary>
    /// The session ends (Remove-Module or its runspace closed): its connections and settings go, so a new import
    /// starts from the defaults and DQC_* variables (the assembly and its statics stay loaded).
    /// </summary>
    private static void EndSession()
    {
        DqcSessionState.ClearSession();
        DqcConfigState.ClearSession();
    }

    private static void OnChildStateChanged(object? sender, RunspaceStateEventArgs e)
    {
        if (!(sender is Runspace runspace) || !IsOver(e.RunspaceStateInfo.State)) return;
        RunspaceScope? scope;
        lock (Gate)
        {
            if (!ByRunspace.TryGetValue(runspace, out scope)) return;
            ByRunspace.Remove(runspace);
        }
        runspace.StateChanged -= OnChildStateChanged;
        DqcSessionState.Release(scope);
    }

    private static void OnHomeStateChanged(object? sender, RunspaceStateEventArgs e)
    {
        if (!(sender is Runspace runspace) || !IsOver(e.RunspaceStateInfo.State)) return;
        runspace.StateChanged -= OnHomeStateChanged;
        lock (Gate)
        {
            if (ReferenceEquals(_home, runspace)) _home = null;
        }
        EndSession();
    }

    private static bool IsOver(RunspaceState state) => state == RunspaceState.Closed || state == RunspaceState.Broken;
}

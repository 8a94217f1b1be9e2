using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace DataArtsQuality.Session
{
    /// <summary>
    /// Tells runspaces apart for the module state. A runspace is <see cref="Runspace.DefaultRunspace"/> of the thread a
    /// cmdlet runs on (PowerShell sets it on every pipeline thread: the console, ForEach-Object -Parallel, thread jobs,
    /// runspace pools). The session is the first runspace the module was imported into (the console's or the runbook's);
    /// code that runs outside any runspace counts as the session too. Every other runspace gets a scope of its own the
    /// first time it needs one; it is dropped (its connection released) when that runspace closes, or with Remove-Module.
    /// </summary>
    internal static class RunspaceScopes
    {
        /// <summary>Guards the scopes and the session state's named connections.</summary>
        public static readonly object Gate = new object();

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

        /// <summary>The scope of the runspace the calling thread runs in. Call under <see cref="Gate"/>.</summary>
        public static RunspaceScope Current
        {
            get
            {
                var runspace = Runspace.DefaultRunspace;
                if (runspace is null || _home is null || ReferenceEquals(runspace, _home)) return Session;
                if (ByRunspace.TryGetValue(runspace, out var scope)) return scope;
                scope = new RunspaceScope(isSession: false);
                ByRunspace.Add(runspace, scope);
                runspace.StateChanged += OnChildStateChanged;
                return scope;
            }
        }

        /// <summary>Forgets the current runspace's scope (Remove-Module there); returns what it held, to release.</summary>
        public static RunspaceScope? Forget()
        {
            var runspace = Runspace.DefaultRunspace;
            if (runspace is null || _home is null || ReferenceEquals(runspace, _home)) return null;
            if (!ByRunspace.TryGetValue(runspace, out var scope)) return null;
            ByRunspace.Remove(runspace);
            runspace.StateChanged -= OnChildStateChanged;
            return scope;
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
            DqcSessionState.ClearSession();
        }

        private static bool IsOver(RunspaceState state) => state == RunspaceState.Closed || state == RunspaceState.Broken;
    }
}

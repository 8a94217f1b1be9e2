using System.Collections.Generic;
using DataArtsQuality.Client;

namespace DataArtsQuality.Session
{
    /// <summary>
    /// The session's HTTP settings (Set-DqcConfig / Get-DqcConfig). Starts from the DQC_* environment variables the
    /// first time it is read; like the connections, it is process-wide, so ForEach-Object -Parallel sees it too.
    /// </summary>
    internal static class DqcConfigState
    {
        private static readonly object Gate = new object();
        private static DqcSettings? _current;
        private static IReadOnlyList<string> _problems = new string[0];

        /// <summary>A copy of the current settings (change it and pass it to <see cref="Apply"/>).</summary>
        public static DqcSettings Current
        {
            get
            {
                lock (Gate)
                {
                    _current ??= DqcSettings.FromEnvironment(out _problems);
                    return _current.Clone();
                }
            }
        }

        /// <summary>DQC_* variables that were set but could not be used.</summary>
        public static IReadOnlyList<string> EnvironmentProblems
        {
            get { lock (Gate) { _current ??= DqcSettings.FromEnvironment(out _problems); return _problems; } }
        }

        /// <summary>Makes <paramref name="settings"/> current and gives it to every open connection.</summary>
        public static void Apply(DqcSettings settings)
        {
            var copy = settings.Clone().Validate();
            lock (Gate) _current = copy;
            foreach (var connection in DqcSessionState.All) connection.Settings = copy;
        }

        /// <summary>Back to the defaults and the environment variables.</summary>
        public static void Reset()
        {
            DqcSettings fresh;
            lock (Gate) fresh = _current = DqcSettings.FromEnvironment(out _problems);
            foreach (var connection in DqcSessionState.All) connection.Settings = fresh;
        }
    }
}

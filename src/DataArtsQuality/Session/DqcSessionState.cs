using System;
using System.Collections.Generic;
using System.Linq;
using DataArtsQuality.Client;

namespace DataArtsQuality.Session
{
    /// <summary>
    /// The module's connections, process-wide. Statics are shared by every runspace in the process, so
    /// ForEach-Object -Parallel and thread jobs reuse the login instead of each needing their own.
    /// </summary>
    internal static class DqcSessionState
    {
        private static readonly object Gate = new object();
        private static readonly Dictionary<string, DqcConnection> Connections = new Dictionary<string, DqcConnection>(StringComparer.OrdinalIgnoreCase);
        private static string? _defaultName;

        public static DqcConnection? Default
        {
            get
            {
                lock (Gate)
                {
                    return _defaultName != null && Connections.TryGetValue(_defaultName, out var c) ? c : null;
                }
            }
        }

        public static DqcConnection? Find(string name)
        {
            lock (Gate) return Connections.TryGetValue(name, out var c) ? c : null;
        }

        public static IReadOnlyList<DqcConnection> All
        {
            get { lock (Gate) return Connections.Values.ToList(); }
        }

        public static bool IsDefault(DqcConnection connection)
        {
            lock (Gate) return _defaultName != null && string.Equals(_defaultName, connection.Name, StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>Adds or replaces the connection of that name and makes it the default.</summary>
        public static void Set(DqcConnection connection)
        {
            DqcConnection? old;
            lock (Gate)
            {
                Connections.TryGetValue(connection.Name, out old);
                Connections[connection.Name] = connection;
                _defaultName = connection.Name;
            }
            if (old != null && !ReferenceEquals(old, connection)) old.Dispose();
        }

        /// <summary>Removes a connection; the default moves to another one if any is left.</summary>
        public static bool Remove(DqcConnection connection)
        {
            lock (Gate)
            {
                if (!Connections.Remove(connection.Name)) return false;
                if (string.Equals(_defaultName, connection.Name, StringComparison.OrdinalIgnoreCase))
                    _defaultName = Connections.Keys.FirstOrDefault();
            }
            connection.Dispose();
            return true;
        }

        public static void Clear()
        {
            List<DqcConnection> all;
            lock (Gate)
            {
                all = Connections.Values.ToList();
                Connections.Clear();
                _defaultName = null;
            }
            foreach (var c in all) c.Dispose();
        }
    }
}

using System.Reflection;

namespace DataArtsQuality.Session;

/// <summary>
/// Answers Windows PowerShell 5.1's requests for the assemblies the module ships in Dependencies/ (it has no
/// binding redirects for a module). Only names that are in that folder are answered; a copy of the name already
/// loaded in the process that satisfies the request (another module's, often newer) is used instead of loading
/// ours beside it; otherwise the shipped file, if its version is at least the one requested. A request for a
/// newer version than we ship is left to fail as it would have.
/// </summary>
internal sealed class DependencyResolver
{
    private readonly string _folder;
    private readonly Func<IEnumerable<Assembly>> _loaded;
    private Dictionary<string, (AssemblyName Name, string Path)>? _shipped;

    public DependencyResolver(string folder, Func<IEnumerable<Assembly>>? loaded = null)
    {
        _folder = folder;
        _loaded = loaded ?? (() => AppDomain.CurrentDomain.GetAssemblies());
    }

    /// <summary>What to do with one request.</summary>
    internal enum Decision
    {
        /// <summary>Not ours, or ours is too old: return null and let the runtime go on.</summary>
        Decline,
        /// <summary>A loaded copy satisfies the request: return it.</summary>
        UseLoaded,
        /// <summary>Load the shipped file.</summary>
        LoadShipped,
    }

    /// <summary>
    /// The rule, as a pure function of the requested name, the shipped assembly of that simple name (null when
    /// none is shipped) and the copies loaded now. <paramref name="loadedIndex"/> is the chosen loaded copy.
    /// </summary>
    internal static Decision Decide(AssemblyName requested, AssemblyName? shipped, IReadOnlyList<AssemblyName> loaded,
        out int loadedIndex)
    {
        loadedIndex = -1;
        if (shipped is null) return Decision.Decline;
        if (!SameName(requested, shipped) || !SameToken(requested, shipped)) return Decision.Decline;
        var wanted = requested.Version ?? new Version(0, 0);
        // The newest loaded copy of the name that is at least what was asked for (and signed alike).
        Version? best = null;
        for (int i = 0; i < loaded.Count; i++)
        {
            var candidate = loaded[i];
            if (!SameName(candidate, requested) || !SameToken(requested, candidate)) continue;
            var version = candidate.Version ?? new Version(0, 0);
            if (version < wanted || (best != null && version <= best)) continue;
            best = version;
            loadedIndex = i;
        }
        // A loaded copy that satisfies the request wins, even over a newer shipped one: two copies of one name
        // in the process split its types between modules.
        if (best != null) return Decision.UseLoaded;
        return (shipped.Version ?? new Version(0, 0)) >= wanted ? Decision.LoadShipped : Decision.Decline;
    }

    private static bool SameName(AssemblyName a, AssemblyName b)
        => string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);

    /// <summary>A request without a public key token accepts any; with one, the token must match.</summary>
    private static bool SameToken(AssemblyName requested, AssemblyName other)
    {
        byte[]? want = requested.GetPublicKeyToken();
        if (want is null || want.Length == 0) return true;
        byte[]? have = other.GetPublicKeyToken();
        return have != null && SameBytes(want, have);
    }

    /// <summary>
    /// A plain loop on purpose: the resolver runs before System.Memory can load (it is one of the names it answers
    /// for), and want.SequenceEqual(have) binds to System.Memory's span overload with the current compiler, so every
    /// request failed with FileNotFoundException for System.Memory (found by the Mono lane's ModuleLoadingTests).
    /// </summary>
    private static bool SameBytes(byte[] a, byte[] b)
    {
        if (a.Length != b.Length) return false;
        for (int i = 0; i < a.Length; i++)
            if (a[i] != b[i]) return false;
        return true;
    }

    /// <summary>The AssemblyResolve handler.</summary>
    public Assembly? Resolve(object? sender, ResolveEventArgs args)
    {
        AssemblyName requested;
        try { requested = new AssemblyName(args.Name); }
        catch (Exception ex) when (ex is ArgumentException || ex is FileLoadException) { return null; }
        var shipped = Shipped();
        if (!shipped.TryGetValue(requested.Name ?? "", out var entry)) return null;

        var assemblies = _loaded().ToList();
        var names = assemblies.Select(a => a.GetName()).ToList();
        switch (Decide(requested, entry.Name, names, out int index))
        {
            case Decision.UseLoaded:
                return assemblies[index];
            case Decision.LoadShipped:
                return Assembly.LoadFrom(entry.Path);
            default:
                return null;
        }
    }

    /// <summary>The assemblies in the folder by simple name, read once (not at import: most sessions never
    /// ask).</summary>
    private Dictionary<string, (AssemblyName Name, string Path)> Shipped()
    {
        var shipped = _shipped;
        if (shipped != null) return shipped;
        shipped = new Dictionary<string, (AssemblyName, string)>(StringComparer.OrdinalIgnoreCase);
        if (Directory.Exists(_folder))
        {
            foreach (string file in Directory.GetFiles(_folder, "*.dll"))
            {
                try
                {
                    var name = AssemblyName.GetAssemblyName(file);
                    if (!string.IsNullOrEmpty(name.Name)) shipped[name.Name!] = (name, file);
                }
                catch (Exception ex) when (ex is BadImageFormatException || ex is FileLoadException || ex is IOException || ex is UnauthorizedAccessException)
                {
                    // Not an assembly we can answer with.
                }
            }
        }
        _shipped = shipped;
        return shipped;
    }
}

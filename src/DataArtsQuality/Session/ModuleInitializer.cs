using System.Management.Automation;
using System.Reflection;

using System.Runtime.InteropServices;

namespace DataArtsQuality.Session;

/// <summary>
/// Windows PowerShell 5.1 has no System.Text.Json and cannot use binding redirects, so the module ships it in
/// Dependencies/ and answers the runtime's requests for those names from there. PowerShell 7 already carries an
/// equal or newer System.Text.Json, so nothing is hooked there and import stays cheap.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly string DependencyFolder =
        Path.Combine(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".", "Dependencies");

    private static bool IsNetFramework =>
        RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

    private static readonly DependencyResolver Resolver = new DependencyResolver(DependencyFolder);

    public void OnImport()
    {
        if (IsNetFramework) AppDomain.CurrentDomain.AssemblyResolve += ResolveDependency;
        RunspaceScopes.Imported();
    }

    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        if (IsNetFramework) AppDomain.CurrentDomain.AssemblyResolve -= ResolveDependency;
        // Only this runspace's state: in the session its default, settings and the named connections; in any other
        // runspace its own connection and settings. Connections in use elsewhere close when their last user is done.
        RunspaceScopes.ForgetCurrent();
    }

    // Only the names shipped in Dependencies/, at a version that satisfies the request, and never beside an
    // equal or newer copy already loaded (see DependencyResolver).
    private static Assembly? ResolveDependency(object? sender, ResolveEventArgs args) => Resolver.Resolve(sender, args);
}

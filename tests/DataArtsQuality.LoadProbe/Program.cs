using System.Reflection;
using System.Text;

namespace DataArtsQuality.LoadProbe;

/// <summary>
/// Loads the module as Windows PowerShell's Import-Module does (Assembly.LoadFrom of the path, from a host folder
/// without System.Text.Json) and uses its JSON code, printing one line per step for ModuleLoadingTests:
///   probe MODULE.dll bare|resolver [--preload OLDER/System.Text.Json.dll]
/// 'resolver' hooks the module's DependencyResolver on Dependencies/ as ModuleInitializer.OnImport does (OnImport
/// itself needs System.Management.Automation, which Mono has not); --preload first loads and uses another copy.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        try
        {
            if (args.Length > 3 && args[2] == "--preload") Console.WriteLine("preloaded " + Preload(args[3]));
            var module = Assembly.LoadFrom(args[0]);
            if (args[1] == "resolver") HookResolver(module);
            Console.WriteLine("json " + UseJson(module));
            Console.WriteLine("loaded " + string.Join(" ; ", AppDomain.CurrentDomain.GetAssemblies()
                .Where(a => a.GetName().Name == "System.Text.Json").Select(a => a.GetName().Version + " from " + a.Location)));
            return 0;
        }
        catch (Exception ex)
        {
            Console.WriteLine("error " + Describe(ex));
            return 1;
        }
    }

    /// <summary>Loads another copy of System.Text.Json and parses with it, so its own closure loads too.</summary>
    private static string Preload(string path)
    {
        var stj = Assembly.LoadFrom(path);
        var documentType = stj.GetType("System.Text.Json.JsonDocument", throwOnError: true)!;
        var optionsType = stj.GetType("System.Text.Json.JsonDocumentOptions", throwOnError: true)!;
        var parse = documentType.GetMethod("Parse", new[] { typeof(string), optionsType })!;
        using var document = (IDisposable)parse.Invoke(null, new[] { "[1,2]", Activator.CreateInstance(optionsType) })!;
        return stj.GetName().Version!.ToString();
    }

    /// <summary>What OnImport does on .NET Framework: AssemblyResolve answered by a DependencyResolver on Dependencies/.</summary>
    private static void HookResolver(Assembly module)
    {
        string folder = Path.Combine(Path.GetDirectoryName(module.Location) ?? ".", "Dependencies");
        var resolverType = module.GetType("DataArtsQuality.Session.DependencyResolver", throwOnError: true)!;
        object resolver = Activator.CreateInstance(resolverType, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic,
            null, new object?[] { folder, null }, null)!;
        var resolve = resolverType.GetMethod("Resolve", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)!;
        AppDomain.CurrentDomain.AssemblyResolve += (ResolveEventHandler)Delegate.CreateDelegate(typeof(ResolveEventHandler), resolver, resolve);
    }

    /// <summary>The module's own JSON writer (Utf8JsonWriter: System.Text.Json, System.Memory, System.Buffers).</summary>
    private static string UseJson(Assembly module)
    {
        var body = module.GetType("DataArtsQuality.Client.Json.DqcBatchBody", throwOnError: true)!;
        var bareArray = body.GetMethod("BareArray", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)!;
        return Encoding.UTF8.GetString((byte[])bareArray.Invoke(null, new object[] { new[] { "1440764172232392705" } })!);
    }

    private static string Describe(Exception ex)
    {
        while (ex is TargetInvocationException && ex.InnerException != null) ex = ex.InnerException;
        return ex.GetType().FullName + ": " + ex.Message.Replace(Environment.NewLine, " ");
    }
}

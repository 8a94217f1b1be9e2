namespace DataArtsQuality.Tests;

/// <summary>The staged build the lane tests: out/DataArtsQuality (the module) and out/emulator, found above the test's
/// bin folder.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> OutFolder = new(FindOut);

    public static string Out => OutFolder.Value;

    public static string Module => Path.Combine(Out, "DataArtsQuality");

    public static string ModuleAssembly => Path.Combine(Module, "DataArtsQuality.dll");

    public static string Dependencies => Path.Combine(Module, "Dependencies");

    public static string EmulatorAssembly => Path.Combine(Out, "emulator", "DataArtsQuality.Emulator.dll");

    private static string FindOut()
    {
        for (var dir = new DirectoryInfo(AppDomain.CurrentDomain.BaseDirectory); dir != null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "out");
            if (File.Exists(Path.Combine(candidate, "DataArtsQuality", "DataArtsQuality.dll"))) return candidate;
        }
        throw new InvalidOperationException(
            "out/DataArtsQuality is not staged above " + AppDomain.CurrentDomain.BaseDirectory +
            ": run 'pwsh ./build.ps1 build'.");
    }
}

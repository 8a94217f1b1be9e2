using Xunit;
using Xunit.Abstractions;

namespace DataArtsQuality.Tests;

/// <summary>
/// The Windows PowerShell 5.1 loading story on a Framework-profile runtime: the module loaded by path from a host
/// folder without System.Text.Json (as powershell.exe's), its DependencyResolver answering from Dependencies/, and an
/// older System.Text.Json already in the process (another module's, imported first). Each case in a fresh mono process.
/// </summary>
public class ModuleLoadingTests(ITestOutputHelper output)
{
    private const string Json = "json [1440764172232392705]";

    private (int ExitCode, string[] Lines) Probe(params string[] arguments)
    {
        var result = LoadProbeProcess.Run(new[] { RepoPaths.ModuleAssembly }.Concat(arguments).ToArray());
        foreach (string line in result.Lines) output.WriteLine(line);
        return result;
    }

    [Fact]
    public void Without_the_resolver_the_host_folder_cannot_give_System_Text_Json()
    {
        // The control: if the host folder (or the GAC) had a System.Text.Json, the next case would prove nothing.
        var (exit, lines) = Probe("bare");
        Assert.Equal(1, exit);
        Assert.Contains(lines, l => l.StartsWith("error System.IO.FileNotFoundException")
            && l.Contains("System.Text.Json, Version=8.0.0.0"));
    }

    [Fact]
    public void The_resolver_loads_our_System_Text_Json_and_its_closure_from_Dependencies()
    {
        var (exit, lines) = Probe("resolver");
        Assert.Equal(0, exit);
        Assert.Contains(Json, lines);
        string loaded = Assert.Single(lines, l => l.StartsWith("loaded "));
        Assert.Equal("loaded 8.0.0.0 from " + Path.Combine(RepoPaths.Dependencies, "System.Text.Json.dll"), loaded);
    }

    [Fact]
    public void An_older_System_Text_Json_already_loaded_is_left_alone_and_ours_loads_beside_it()
    {
        var (exit, lines) = Probe("resolver", "--preload", LoadProbeProcess.OlderSystemTextJson);
        Assert.Contains("preloaded 6.0.0.0", lines);
        Assert.Equal(0, exit);
        Assert.Contains(Json, lines);
        string loaded = Assert.Single(lines, l => l.StartsWith("loaded "));
        Assert.Contains("6.0.0.0 from " + LoadProbeProcess.OlderSystemTextJson, loaded);
        Assert.Contains("8.0.0.0 from " + Path.Combine(RepoPaths.Dependencies, "System.Text.Json.dll"), loaded);
    }

    [Fact]
    public void An_older_loaded_copy_does_not_satisfy_the_module_by_itself()
    {
        // Without the resolver the 6.0 copy in the process is not taken for the 8.0 the module asks for: the failure
        // names the version wanted, which is what the resolver's answer above replaces.
        var (exit, lines) = Probe("bare", "--preload", LoadProbeProcess.OlderSystemTextJson);
        Assert.Equal(1, exit);
        Assert.Contains(lines, l => l.StartsWith("error System.IO.FileNotFoundException")
            && l.Contains("System.Text.Json, Version=8.0.0.0"));
    }
}

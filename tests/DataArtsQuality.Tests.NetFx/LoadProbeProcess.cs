using System.Diagnostics;

namespace DataArtsQuality.Tests;

/// <summary>
/// Runs tests/DataArtsQuality.LoadProbe (a host whose folder has no System.Text.Json) in a child mono process: a
/// fresh process is the only way to start with nothing loaded, as a new powershell.exe does.
/// </summary>
internal static class LoadProbeProcess
{
    /// <summary>The probe's folder, built with the same configuration as this test assembly
    /// (bin/CONFIG/net48).</summary>
    public static string Folder
    {
        get
        {
            var net48 = new DirectoryInfo(AppDomain.CurrentDomain.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            string configuration = net48.Parent!.Name;
            return Path.Combine(Directory.GetParent(RepoPaths.Out)!.FullName, "tests", "DataArtsQuality.LoadProbe",
                "bin", configuration, "net48");
        }
    }

    public static string OlderSystemTextJson => Path.Combine(Folder, "older-stj", "System.Text.Json.dll");

    /// <summary>The probe's output lines and exit code.</summary>
    public static (int ExitCode, string[] Lines) Run(params string[] arguments)
    {
        string exe = Path.Combine(Folder, "DataArtsQuality.LoadProbe.exe");
        if (!File.Exists(exe)) throw new FileNotFoundException("The load probe is not built.", exe);
        var info = new ProcessStartInfo("mono",
            string.Join(" ", new[] { exe }.Concat(arguments).Select(a => "\"" + a + "\"")))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Folder,
        };
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(60_000))
        {
            process.Kill();
            throw new TimeoutException("The load probe did not finish in 60 s.");
        }
        var lines = stdout.Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r'))
            .Concat(stderr.Result.Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(l => "stderr " + l.TrimEnd('\r'))).ToArray();
        return (process.ExitCode, lines);
    }
}

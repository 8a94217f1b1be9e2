using System.Diagnostics;
using System.Net.Http;
using System.Text;
using System.Text.Json;

namespace DataArtsQuality.Tests;

/// <summary>
/// The staged emulator (out/emulator, ASP.NET Core) as a child 'dotnet' process on 127.0.0.1 and a free port: it runs
/// on .NET as in the other lanes, while the core under test runs here on Mono. Killed on dispose; --parent-pid makes
/// it exit if this process dies first.
/// </summary>
internal sealed class EmulatorProcess : IDisposable
{
    private readonly Process _process;
    private static readonly HttpClient Control = new();

    private EmulatorProcess(Process process, JsonElement ready)
    {
        _process = process;
        Url = new Uri(ready.GetProperty("Endpoint").GetString()!);
        ProjectId = ready.GetProperty("ProjectId").GetString()!;
        WorkspaceId = ready.GetProperty("WorkspaceId").GetString()!;
        Token = ready.GetProperty("Token").GetString()!;
    }

    public Uri Url { get; }

    public string ProjectId { get; }

    public string WorkspaceId { get; }

    public string Token { get; }

    public static EmulatorProcess Start(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet",
            Quote(new[] { RepoPaths.EmulatorAssembly, "--port", "0", "--parent-pid",
                Process.GetCurrentProcess().Id.ToString() }.Concat(arguments)))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(info)!;
        var firstLine = process.StandardOutput.ReadLineAsync();
        if (!firstLine.Wait(TimeSpan.FromSeconds(60)) || firstLine.Result is null)
        {
            try { process.Kill(); } catch (InvalidOperationException) { }
            throw new InvalidOperationException("The emulator did not start: " + process.StandardError.ReadToEnd());
        }
        // The first line is one JSON object: Endpoint, ProjectId, WorkspaceId, Token (docs/emulator.md).
        using var ready = JsonDocument.Parse(firstLine.Result);
        return new EmulatorProcess(process, ready.RootElement.Clone());
    }

    public async Task<JsonElement> GetAsync(string controlPath)
    {
        string text = await Control.GetStringAsync(new Uri(Url, controlPath));
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    public async Task SendAsync(HttpMethod method, string controlPath, string? json = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(Url, controlPath));
        if (json != null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await Control.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill();
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException) { }
        _process.Dispose();
    }

    private static string Quote(IEnumerable<string> arguments) =>
        string.Join(" ", arguments.Select(a => "\"" + a.Replace("\"", "\\\"") + "\""));
}

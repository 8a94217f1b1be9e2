using DataArtsQuality.Tests;
using Microsoft.AspNetCore.Builder;

namespace DataArtsQuality.Emulator;

/// <summary>
/// SHIM for the Mono lane: EmulatorApp.StartAsync as the shared tests call it, starting the staged emulator (on .NET)
/// as a child process instead of in-process. What the tests read of its state comes from its control endpoints.
/// </summary>
public static class EmulatorApp
{
    public static Task<(WebApplication App, Uri BaseUrl)> StartAsync(EmulatorOptions options)
    {
        var process = EmulatorProcess.Start(options.ToArguments());
        return Task.FromResult((new WebApplication(process), process.Url));
    }
}

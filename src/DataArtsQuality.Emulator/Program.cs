using System.Diagnostics;
using System.Reflection;
using DataArtsQuality.Emulator;

// dqc-emulator: see EmulatorCommandLine.Help (dqc-emulator --help) and docs/emulator.md.
var parsed = EmulatorCommandLine.Parse(args);
if (parsed.ShowHelp)
{
    Console.Out.Write(EmulatorCommandLine.Help);
    return 0;
}
if (parsed.ShowVersion)
{
    string version = typeof(EmulatorApp).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
    Console.Out.WriteLine(version.Split('+')[0]);
    return 0;
}
if (parsed.Error is not null)
{
    Console.Error.WriteLine($"dqc-emulator: {parsed.Error}");
    return 2;
}
var options = parsed.Options!;

WebApplication app;
Uri url;
try
{
    (app, url) = await EmulatorApp.StartAsync(options);
}
catch (IOException e)
{
    // Kestrel's "address already in use" and the like: say so on one line, not with a stack trace.
    Console.Error.WriteLine($"dqc-emulator: cannot listen on 127.0.0.1:{options.Port}: {e.Message}");
    return 1;
}

// The first line of standard output is all a script needs to connect (Connect-DqcWorkspace @(... | ConvertFrom-Json)).
var ready = new JsonObject
{
    ["Endpoint"] = url.AbsoluteUri.TrimEnd('/'),
    ["ProjectId"] = options.ProjectId,
    ["WorkspaceId"] = options.WorkspaceId,
    ["Token"] = options.Token,
};
Console.Out.WriteLine(ready.ToJsonString());
Console.Out.Flush();
Console.Error.WriteLine($"DQC emulator listening on {ready["Endpoint"]} (Ctrl+C stops it)");

if (options.ParentProcessId is int parentId)
{
    // Leave no emulator behind when the test run or demo that started it dies.
    _ = Task.Run(async () =>
    {
        try
        {
            using var parent = Process.GetProcessById(parentId);
            await parent.WaitForExitAsync();
        }
        catch (ArgumentException)
        {
        }
        await app.StopAsync();
    });
}

// The host's console lifetime turns Ctrl+C (SIGINT) and SIGTERM into a graceful stop: requests in flight finish,
// then Main returns 0.
await app.WaitForShutdownAsync();
return 0;

using System.Diagnostics;
using System.Globalization;
using DataArtsQuality.Emulator;

// A local stand-in for the DataArts Quality API. Usage:
//   dotnet DataArtsQuality.Emulator.dll [--port 0] [--token T] [--quality-jobs 250] [--comparison-jobs 120]
//                                       [--instance-run-ms 2000] [--parent-pid PID] [--nested-sub-rules]
//                                       [--rate-limit 40] [--rate-limit-period-ms 10000]   (enforced gateway limit; off by default)
//                                       [--token-lifetime-sec 86400] [--clock-skew-sec 0] [--region ap-southeast-1]
// Prints "DQC emulator listening on http://127.0.0.1:<port>" once it accepts requests.
var options = new EmulatorOptions();
for (int i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
    int NextInt() => int.Parse(Next(), CultureInfo.InvariantCulture);
    switch (args[i])
    {
        case "--port": options.Port = NextInt(); break;
        case "--token": options.Token = Next(); break;
        case "--project-id": options.ProjectId = Next(); break;
        case "--workspace-id": options.WorkspaceId = Next(); break;
        case "--quality-jobs": options.QualityJobs = NextInt(); break;
        case "--comparison-jobs": options.ComparisonJobs = NextInt(); break;
        case "--instance-run-ms": options.InstanceRunMilliseconds = NextInt(); break;
        case "--parent-pid": options.ParentProcessId = NextInt(); break;
        case "--rate-limit": options.RateLimitCount = NextInt(); break;
        case "--rate-limit-period-ms": options.RateLimitPeriodMilliseconds = NextInt(); break;
        case "--nested-sub-rules": options.NestedSubRules = true; break;
        case "--token-lifetime-sec": options.TokenLifetimeSeconds = NextInt(); break;
        case "--clock-skew-sec": options.ClockSkewSeconds = NextInt(); break;
        case "--region": options.Region = Next(); break;
        default:
            Console.Error.WriteLine($"Unknown option {args[i]}.");
            return 2;
    }
}

var (app, url) = await EmulatorApp.StartAsync(options);
Console.WriteLine($"DQC emulator listening on {url.AbsoluteUri.TrimEnd('/')}");
Console.Out.Flush();

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

await app.WaitForShutdownAsync();
return 0;

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace DataArtsQuality.Emulator;

/// <summary>Builds the emulator: Kestrel on 127.0.0.1 only, the gateway checks, then the DQC endpoints.</summary>
public static class EmulatorApp
{
    public static WebApplication Build(EmulatorOptions options, string[]? args = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args ?? Array.Empty<string>());
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, options.Port));

        var state = new EmulatorState(options);
        builder.Services.AddSingleton(state);
        var faults = new FaultState();
        if (options.RateLimitCount > 0)
        {
            faults.SetLimit(
                options.RateLimitCount, options.RateLimitPeriodMilliseconds, options.RateLimitCountsRefused);
        }
        foreach (var fault in options.Faults) faults.Add(fault);
        builder.Services.AddSingleton(faults);
        var iam = new IamState(options);
        builder.Services.AddSingleton(iam);
        var gauge = new ConcurrencyGauge();
        builder.Services.AddSingleton(gauge);

        var app = builder.Build();
        app.UseMiddleware<ConcurrencyMiddleware>();
        app.UseMiddleware<GatewayMiddleware>();
        app.UseMiddleware<RateLimitMiddleware>();
        app.UseMiddleware<FaultMiddleware>();
        app.MapControlEndpoints(state);
        app.MapFaultEndpoints(faults);
        app.MapConcurrencyEndpoints(gauge);
        app.MapCatalogEndpoints(state);
        app.MapTemplateEndpoints(state);
        app.MapJobEndpoints(state);
        app.MapInstanceEndpoints(state);
        app.MapReportEndpoints(state);
        app.MapResourceEndpoints(state);
        app.MapSeedEndpoints(state);
        app.MapJobSeedEndpoints(state);
        app.MapIamEndpoints(iam);
        app.MapWorkspaceEndpoints(state);
        app.MapWireShapeEndpoints(state);
        // Anything else is what the gateway says for an unpublished API.
        app.MapFallback((HttpContext context) =>
            ApiErrors.Gateway(context, 404, "APIG.0101",
                "The API does not exist or has not been published in the environment."));
        return app;
    }

    /// <summary>
    /// Starts an emulator and returns it with the base URL it listens on (a free port when Port is 0).
    /// </summary>
    public static async Task<(WebApplication App, Uri BaseUrl)> StartAsync(
        EmulatorOptions options, CancellationToken cancellationToken = default)
    {
        var app = Build(options);
        await app.StartAsync(cancellationToken);
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        return (app, new Uri(address.Replace("[::]", "127.0.0.1"), UriKind.Absolute));
    }
}

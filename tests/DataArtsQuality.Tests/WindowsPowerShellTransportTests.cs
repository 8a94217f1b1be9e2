using System.Net;
using System.Reflection;
using DataArtsQuality.Client;
using DataArtsQuality.Session;
using Xunit;

// ServicePointManager is what .NET Framework's HttpClientHandler reads; here it is only read, to show Apply leaves it
// alone.
#pragma warning disable SYSLIB0014

namespace DataArtsQuality.Tests;

/// <summary>
/// The .NET Framework (Windows PowerShell 5.1) code paths, through their decision functions: nothing here runs .NET
/// Framework, so what is tested is what would be set there.
/// </summary>
public class WindowsPowerShellTransportTests
{
    private static readonly Version Windows7 = new(6, 1, 7601);
    private static readonly Version Windows2012R2 = new(6, 3, 9600);
    private static readonly Version Windows10 = new(10, 0, 19045);
    private static readonly Version Server2022 = new(10, 0, 20348);

    private const SecurityProtocolType Ssl3 = (SecurityProtocolType)48;

    [Fact]
    public void A_host_offering_only_TLS_1_0_gets_TLS_1_2_added_and_keeps_what_it_had()
    {
        Assert.Equal(Ssl3 | FrameworkTransport.Tls10 | FrameworkTransport.Tls12,
            FrameworkTransport.SecurityProtocols(Ssl3 | FrameworkTransport.Tls10, Windows10));
        Assert.Equal(FrameworkTransport.Tls10 | FrameworkTransport.Tls11 | FrameworkTransport.Tls12,
            FrameworkTransport.SecurityProtocols(FrameworkTransport.Tls10 | FrameworkTransport.Tls11, Windows2012R2));
    }

    [Fact]
    public void TLS_1_3_is_added_only_where_the_OS_has_it()
    {
        Assert.Equal(FrameworkTransport.Tls10 | FrameworkTransport.Tls12 | FrameworkTransport.Tls13,
            FrameworkTransport.SecurityProtocols(FrameworkTransport.Tls10, Server2022));
        Assert.Equal(FrameworkTransport.Tls12,
            FrameworkTransport.SecurityProtocols(FrameworkTransport.Tls12, Windows10));
    }

    [Fact]
    public void Nothing_a_host_allows_is_taken_away()
    {
        foreach (var current in new[] { Ssl3, FrameworkTransport.Tls10,
            FrameworkTransport.Tls12 | FrameworkTransport.Tls13, Ssl3 | FrameworkTransport.Tls11 })
            foreach (var os in new Version?[] { Windows7, Windows10, Server2022, null })
                Assert.Equal(current, FrameworkTransport.SecurityProtocols(current, os) & current);
    }

    [Fact]
    public void SystemDefault_is_kept_where_the_OS_default_has_TLS_1_2_and_pinned_to_1_0_to_1_2_before_Windows_8_1()
    {
        Assert.Equal((SecurityProtocolType)0, FrameworkTransport.SecurityProtocols(0, Windows10));
        Assert.Equal((SecurityProtocolType)0, FrameworkTransport.SecurityProtocols(0, Server2022));
        Assert.Equal((SecurityProtocolType)0, FrameworkTransport.SecurityProtocols(0, null));
        Assert.Equal(FrameworkTransport.Tls10 | FrameworkTransport.Tls11 | FrameworkTransport.Tls12,
            FrameworkTransport.SecurityProtocols(0, Windows7));
    }

    [Fact]
    public void Connections_per_server_reach_the_largest_ThrottleLimit_and_a_higher_host_limit_stays()
    {
        // Restart-DqcJob -ThrottleLimit's upper bound (checked against the cmdlet in ServiceFidelity.Tests.ps1).
        Assert.Equal(64, FrameworkTransport.MaxParallelRequests);
        Assert.Equal(64, FrameworkTransport.ConnectionLimit(2, FrameworkTransport.MaxParallelRequests));
        Assert.Equal(500, FrameworkTransport.ConnectionLimit(500, FrameworkTransport.MaxParallelRequests));
    }

    [Fact]
    [NetFxExcluded("Asserts that Apply changes nothing, true on .NET only; on Mono FrameworkTransportOnMonoTests asserts what it sets")]
    public void Only_NET_Framework_is_tuned_and_applying_elsewhere_changes_nothing()
    {
        Assert.True(FrameworkTransport.IsNetFramework(".NET Framework 4.8.9181.0"));
        Assert.True(
            FrameworkTransport.IsNetFramework(
                "Mono 6.8.0.105 (Debian 6.8.0.105+dfsg-3.3+deb12u1 Sat Jun 21 16:33:59 UTC 2025)"));
        Assert.False(FrameworkTransport.IsNetFramework(".NET 10.0.0"));
        Assert.False(FrameworkTransport.IsNetFramework(".NET Core 3.1.32"));
        var before = (ServicePointManager.SecurityProtocol, ServicePointManager.DefaultConnectionLimit,
            ServicePointManager.Expect100Continue);
        FrameworkTransport.Apply(new Uri("https://dayu.ap-southeast-1.myhuaweicloud.com"));
        Assert.Equal(before,
            (ServicePointManager.SecurityProtocol, ServicePointManager.DefaultConnectionLimit,
                ServicePointManager.Expect100Continue));
    }

    [Fact]
    public async Task No_request_asks_for_100_continue()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json(HttpStatusCode.OK, "{\"instance_id\":\"1\"}"));
        await new DqcClient(Fixtures.Connection(handler))
            .RestartJobAsync(Models.DqcRuleType.Quality, "1045431715138617345", CancellationToken.None);
        Assert.False(handler.Requests[0].Request.Headers.ExpectContinue);
        Assert.False(handler.Requests[0].Request.Headers.Contains("Expect"));
    }

    // ---- the dependency resolver ----

    private const string Token = "cc7b13ffcd2ddd51";

    private static AssemblyName Name(string name, string version, string? token = Token) =>
        new($"{name}, Version={version}, Culture=neutral, PublicKeyToken={token ?? "null"}");

    [Fact]
    public void A_name_we_do_not_ship_is_declined()
    {
        Assert.Equal(DependencyResolver.Decision.Decline,
            DependencyResolver.Decide(Name("Newtonsoft.Json", "13.0.0.0", "30ad4fe6b2a6aeed"), null,
                Array.Empty<AssemblyName>(), out _));
    }

    [Fact]
    public void A_shipped_name_loads_our_copy_when_it_is_new_enough()
    {
        Assert.Equal(DependencyResolver.Decision.LoadShipped,
            DependencyResolver.Decide(Name("System.Buffers", "4.0.2.0"), Name("System.Buffers", "4.0.3.0"),
                Array.Empty<AssemblyName>(), out int i));
        Assert.Equal(-1, i);
    }

    [Fact]
    public void A_request_newer_than_what_we_ship_is_declined()
    {
        Assert.Equal(DependencyResolver.Decision.Decline,
            DependencyResolver.Decide(Name("System.Text.Json", "9.0.0.0"), Name("System.Text.Json", "8.0.0.0"),
                Array.Empty<AssemblyName>(), out _));
    }

    [Fact]
    public void A_different_signer_is_declined()
    {
        Assert.Equal(DependencyResolver.Decision.Decline,
            DependencyResolver.Decide(Name("System.Text.Json", "8.0.0.0", "0123456789abcdef"),
                Name("System.Text.Json", "8.0.0.0"), Array.Empty<AssemblyName>(), out _));
    }

    [Fact]
    public void A_loaded_copy_that_satisfies_the_request_is_used_the_newest_one()
    {
        var loaded = new[] { Name("System.Text.Json", "8.0.0.0"), Name("System.Memory", "4.0.1.2"),
            Name("System.Text.Json", "9.0.0.0") };
        Assert.Equal(DependencyResolver.Decision.UseLoaded,
            DependencyResolver.Decide(Name("System.Text.Json", "8.0.0.0"), Name("System.Text.Json", "8.0.0.0"), loaded,
                out int i));
        Assert.Equal(2, i);
    }

    [Fact]
    public void An_older_loaded_copy_does_not_satisfy_a_newer_request()
    {
        var loaded = new[] { Name("System.Text.Json", "6.0.0.0") };
        Assert.Equal(DependencyResolver.Decision.LoadShipped,
            DependencyResolver.Decide(Name("System.Text.Json", "8.0.0.0"), Name("System.Text.Json", "8.0.0.0"), loaded,
                out _));
    }

    [Fact]
    public void The_resolver_answers_only_from_its_folder()
    {
        string folder = Path.Combine(Path.GetTempPath(), "dqc-deps-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            // A shipped copy of xunit's assembly core: the resolver must hand out the loaded one, not load a second.
            var xunitCore = typeof(FactAttribute).Assembly;
            File.Copy(xunitCore.Location, Path.Combine(folder, Path.GetFileName(xunitCore.Location)));
            var resolver = new DependencyResolver(folder);
            Assert.Same(xunitCore, resolver.Resolve(null, new ResolveEventArgs(xunitCore.FullName!)));
            Assert.Null(
                resolver.Resolve(null,
                    new ResolveEventArgs(
                        "Not.Shipped.Anywhere, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null")));
            Assert.Null(resolver.Resolve(null, new ResolveEventArgs("not a valid, assembly=name=")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

using System.Net.Http;
using System.Reflection;
using System.Text.Json;
using DataArtsQuality.Client;
using DataArtsQuality.Client.Auth;
using DataArtsQuality.Models;

namespace DataArtsQuality.Tests;

/// <summary>
/// Runs parallel reruns in a fresh AppDomain (ServicePointManager at Mono's defaults: 2 connections per host) over
/// Mono's HttpWebRequest-based handler, MonoWebRequestHandler: the stack .NET Framework's HttpClientHandler has. Mono
/// 6.8's default HttpClientHandler is a SocketsHttpHandler port that ignores ServicePointManager, so without this
/// the service point settings would decide nothing that can be measured.
/// </summary>
public sealed class WebRequestRerunProbe : MarshalByRefObject
{
    public static int MostAtOnceInFreshDomain(Uri url, string projectId, string workspaceId, string token, int reruns,
        bool applyFrameworkTransport)
    {
        var domain = AppDomain.CreateDomain("dqc-webrequest-" + Guid.NewGuid().ToString("N"), null,
            new AppDomainSetup { ApplicationBase = AppDomain.CurrentDomain.BaseDirectory });
        try
        {
            var probe = (WebRequestRerunProbe)domain.CreateInstanceAndUnwrap(
                typeof(WebRequestRerunProbe).Assembly.FullName!, typeof(WebRequestRerunProbe).FullName!);
            return probe.MostAtOnce(url.AbsoluteUri, projectId, workspaceId, token, reruns, applyFrameworkTransport);
        }
        finally
        {
            AppDomain.Unload(domain);
        }
    }

    public int MostAtOnce(string url, string projectId, string workspaceId, string token, int reruns,
        bool applyFrameworkTransport)
    {
        var endpoint = new Uri(url);
        var options = new DqcConnectionOptions { Endpoint = endpoint, ProjectId = projectId, WorkspaceId = workspaceId,
            Settings = new DqcSettings { RateLimitCount = 0 } };
        var authenticator = new TokenAuthenticator(SecretText.Protect(token));
        // The cmdlets' path (DqcHandlerPool, hence FrameworkTransport.Apply for this endpoint); its handler is not
        // used.
        if (applyFrameworkTransport) new DqcConnection(options, authenticator).Dispose();
        using var connection = new DqcConnection(options, authenticator, WebRequestHandler());
        var client = new DqcClient(connection);
        Task.WhenAll(Enumerable.Range(0, reruns).Select(_ => Task.Run(() =>
            client.RestartJobAsync(DqcRuleType.Quality, "1440764172232392705",
                CancellationToken.None)))).GetAwaiter().GetResult();
        using var control = new HttpClient();
        string gauge = control.GetStringAsync(new Uri(endpoint, "/_emulator/concurrency")).GetAwaiter().GetResult();
        using var doc = JsonDocument.Parse(gauge);
        return doc.RootElement.GetProperty("max").GetInt32();
    }

    /// <summary>HttpClientHandler over MonoWebRequestHandler (both Mono's; the constructor taking it is
    /// internal).</summary>
    private static HttpMessageHandler WebRequestHandler()
    {
        var assembly = typeof(HttpClientHandler).Assembly;
        var inner = Activator.CreateInstance(
            assembly.GetType("System.Net.Http.MonoWebRequestHandler", throwOnError: true)!, nonPublic: true)!;
        var interfaceType = assembly.GetType("System.Net.Http.IMonoHttpClientHandler", throwOnError: true)!;
        var constructor = typeof(HttpClientHandler)
            .GetConstructor(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public, null,
                new[] { interfaceType }, null)!;
        return (HttpMessageHandler)constructor.Invoke(new[] { inner });
    }
}

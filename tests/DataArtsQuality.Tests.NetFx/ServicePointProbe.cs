using System.Net;
using System.Runtime.InteropServices;
using DataArtsQuality.Client;
using DataArtsQuality.Client.Auth;

namespace DataArtsQuality.Tests;

/// <summary>
/// Makes a connection the way the cmdlets do (no handler given: DqcHandlerPool, hence FrameworkTransport.Apply) in a
/// fresh AppDomain, and reports ServicePointManager around it. ServicePointManager and Apply's once-per-process flag
/// are per domain, so each case starts from the runtime's own defaults whatever the other tests already applied.
/// </summary>
public sealed class ServicePointProbe : MarshalByRefObject
{
    public static ServicePointReport InFreshDomain(string endpoint, int presetProtocols = 0, int presetDefaultLimit = 0)
    {
        var domain = AppDomain.CreateDomain("dqc-servicepoint-" + Guid.NewGuid().ToString("N"), null,
            new AppDomainSetup { ApplicationBase = AppDomain.CurrentDomain.BaseDirectory });
        try
        {
            var probe = (ServicePointProbe)domain.CreateInstanceAndUnwrap(typeof(ServicePointProbe).Assembly.FullName!,
                typeof(ServicePointProbe).FullName!);
            return probe.Connect(endpoint, presetProtocols, presetDefaultLimit);
        }
        finally
        {
            AppDomain.Unload(domain);
        }
    }

    /// <summary>Presets (0: leave the runtime's default) stand for what a host set before importing the
    /// module.</summary>
    public ServicePointReport Connect(string endpoint, int presetProtocols, int presetDefaultLimit)
    {
        if (presetProtocols != 0) ServicePointManager.SecurityProtocol = (SecurityProtocolType)presetProtocols;
        if (presetDefaultLimit != 0) ServicePointManager.DefaultConnectionLimit = presetDefaultLimit;
        var report = new ServicePointReport
        {
            FrameworkDescription = RuntimeInformation.FrameworkDescription,
            ProtocolsBefore = ServicePointManager.SecurityProtocol,
            DefaultLimitBefore = ServicePointManager.DefaultConnectionLimit,
            GlobalExpect100ContinueBefore = ServicePointManager.Expect100Continue,
        };
        var uri = new Uri(endpoint);
        using (new DqcConnection(
            new DqcConnectionOptions { Endpoint = uri, ProjectId = Fixtures.ProjectId,
                WorkspaceId = Fixtures.WorkspaceId },
                   new TokenAuthenticator(SecretText.Protect(Fixtures.Token))))
        {
            report.ProtocolsAfter = ServicePointManager.SecurityProtocol;
            report.DefaultLimitAfter = ServicePointManager.DefaultConnectionLimit;
            var point = ServicePointManager.FindServicePoint(uri);
            report.PointLimit = point.ConnectionLimit;
            report.PointExpect100Continue = point.Expect100Continue;
        }
        return report;
    }
}

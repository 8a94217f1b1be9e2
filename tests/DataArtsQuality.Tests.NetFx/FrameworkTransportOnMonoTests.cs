using System.Net;
using DataArtsQuality.Client;
using Xunit;
using Xunit.Abstractions;

namespace DataArtsQuality.Tests;

/// <summary>
/// FrameworkTransport's decisions applied for real: on Mono, HttpClientHandler runs over HttpWebRequest and
/// ServicePointManager as on .NET Framework, so what Apply sets is what the requests get. Each case in a fresh domain.
/// </summary>
public class FrameworkTransportOnMonoTests(ITestOutputHelper output)
{
    private const string Endpoint = "https://dayu.ap-southeast-1.myhuaweicloud.com";

    [Fact]
    public void The_runtime_is_Mono_and_counts_as_the_Framework_profile()
    {
        var report = ServicePointProbe.InFreshDomain(Endpoint);
        output.WriteLine($"{report.FrameworkDescription}: before a connection, protocols {report.ProtocolsBefore}, " +
            $"default limit {report.DefaultLimitBefore}, Expect100Continue {report.GlobalExpect100ContinueBefore}");
        Assert.StartsWith("Mono ", report.FrameworkDescription);
        Assert.True(FrameworkTransport.IsNetFramework(report.FrameworkDescription));
    }

    [Fact]
    public void A_connection_raises_the_limits_to_64_and_turns_off_100_continue_for_its_endpoint()
    {
        var report = ServicePointProbe.InFreshDomain(Endpoint, presetDefaultLimit: 2);
        Assert.Equal(2, report.DefaultLimitBefore);
        Assert.Equal(64, report.DefaultLimitAfter);
        Assert.Equal(64, report.PointLimit);
        Assert.False(report.PointExpect100Continue);
    }

    [Fact]
    public void A_higher_limit_the_host_set_stays()
    {
        var report = ServicePointProbe.InFreshDomain(Endpoint, presetDefaultLimit: 500);
        Assert.Equal(500, report.DefaultLimitAfter);
        Assert.Equal(500, report.PointLimit);
    }

    [Fact]
    public void TLS_1_2_is_added_to_a_host_offering_TLS_1_0_and_1_1_and_nothing_is_removed()
    {
        var report = ServicePointProbe.InFreshDomain(Endpoint,
            presetProtocols: (int)(FrameworkTransport.Tls10 | FrameworkTransport.Tls11));
        Assert.Equal(FrameworkTransport.Tls10 | FrameworkTransport.Tls11, report.ProtocolsBefore);
        Assert.Equal(FrameworkTransport.Tls10 | FrameworkTransport.Tls11 | FrameworkTransport.Tls12,
            report.ProtocolsAfter);
    }

    [Fact]
    public void The_runtime_default_protocols_keep_everything_and_include_TLS_1_2()
    {
        var report = ServicePointProbe.InFreshDomain(Endpoint);
        Assert.Equal(report.ProtocolsBefore, report.ProtocolsAfter & report.ProtocolsBefore);
        // SystemDefault (0) is left to the OS (not Windows here: no pinning); any explicit set gains TLS 1.2.
        if (report.ProtocolsBefore != 0)
            Assert.Equal(FrameworkTransport.Tls12, report.ProtocolsAfter & FrameworkTransport.Tls12);
        else Assert.Equal((SecurityProtocolType)0, report.ProtocolsAfter);
    }
}

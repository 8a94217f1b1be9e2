using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using DataArtsQuality.Client;
using DataArtsQuality.Client.Auth;
using DataArtsQuality.Models;
using Xunit;

namespace DataArtsQuality.Tests;

public class SettingsAndTransportTests
{
    [Fact]
    public void Environment_variables_override_the_defaults_and_bad_values_are_named()
    {
        var env = new Dictionary<string, string?>
        {
            ["DQC_MAX_RETRIES"] = "7",
            ["DQC_RETRY_INTERVAL_SEC"] = "0.5",
            ["DQC_TIMEOUT_SEC"] = "abc",
            ["DQC_RATE_LIMIT_COUNT"] = "20",
            ["DQC_RATE_LIMIT_PERIOD_SEC"] = "2",
        };
        var s = DqcSettings.FromEnvironment(out var problems, n => env.TryGetValue(n, out var v) ? v : null);
        Assert.Equal(7, s.MaximumRetryCount);
        Assert.Equal(0.5, s.RetryIntervalSec);
        Assert.Equal(DqcSettings.DefaultTimeoutSec, s.TimeoutSec);
        Assert.Equal(20, s.RateLimitCount);
        Assert.Equal(2, s.RateLimitPeriodSec);
        Assert.Contains(problems, p => p.StartsWith("DQC_TIMEOUT_SEC='abc' is ignored"));
    }

    [Theory]
    [InlineData("https://dayu.ap-southeast-1.myhuaweicloud.com", "", false)]
    [InlineData("https://dayu.ap-southeast-1.myhuaweicloud.com", "myhuaweicloud.com", true)]
    [InlineData("https://dayu.ap-southeast-1.myhuaweicloud.com", ".myhuaweicloud.com", true)]
    [InlineData("https://dayu.ap-southeast-1.myhuaweicloud.com", "*.myhuaweicloud.com", true)]
    [InlineData("https://notmyhuaweicloud.com", "myhuaweicloud.com", false)]
    [InlineData("https://dayu.example.com:8443", "example.com:443", false)]
    [InlineData("https://dayu.example.com:8443", "example.com:8443", true)]
    [InlineData("https://dayu.example.com", "*", true)]
    [InlineData("http://127.0.0.1:5000", "", true)]
    public void No_proxy_follows_curl(string destination, string noProxy, bool bypassed)
    {
        var env = new Dictionary<string, string?> { ["HTTPS_PROXY"] = "http://user:p%40ss@proxy.local:3128",
            ["HTTP_PROXY"] = "proxy.local:3128", ["NO_PROXY"] = noProxy };
        var proxy = EnvironmentProxy.FromEnvironment(n => env.TryGetValue(n, out var v) ? v : null)!;
        Assert.Equal(bypassed, proxy.IsBypassed(new Uri(destination)));
        Assert.Equal(new Uri("http://proxy.local:3128/"), proxy.HttpsProxy);
        var credential = Assert.IsType<NetworkCredential>(proxy.Credentials);
        Assert.Equal("user", credential.UserName);
        Assert.Equal("p@ss", credential.Password);
    }

    [Fact]
    public void No_proxy_variable_means_no_environment_proxy()
    {
        Assert.Null(EnvironmentProxy.FromEnvironment(_ => null));
    }

    [Theory]
    [InlineData("http://dqc.example.com", false, true)]
    [InlineData("http://dqc.example.com", true, false)]
    [InlineData("http://127.0.0.1:5000", false, false)]
    [InlineData("http://localhost:5000", false, false)]
    [InlineData("https://dqc.example.com", false, false)]
    public void Credentials_are_refused_over_plain_http_to_another_host(string endpoint, bool allow, bool refused)
    {
        DqcConnection Make() => new(new DqcConnectRequest
        {
            Endpoint = new Uri(endpoint), ProjectId = Fixtures.ProjectId, WorkspaceId = Fixtures.WorkspaceId,
            AllowUnencryptedAuthentication = allow,
        }, new TokenAuthenticator(SecretText.Protect(Fixtures.Token)));
        if (refused) Assert.Throws<DqcUnencryptedAuthenticationException>(Make);
        else Make().Dispose();
    }
}

using DataArtsQuality.Client;
using DataArtsQuality.Client.Auth;
using Xunit;

namespace DataArtsQuality.Tests;

public class ConnectionTests
{
    private static DqcConnection Make(Uri? endpoint = null, string? region = null, string project = Fixtures.ProjectId,
        string workspace = Fixtures.WorkspaceId) =>
        new(new DqcConnectionOptions { Endpoint = endpoint, Region = region, ProjectId = project,
            WorkspaceId = workspace },
            new TokenAuthenticator(SecretText.Protect("t")),
            new RecordingHandler(_ => throw new InvalidOperationException()));

    [Fact]
    public void Region_gives_the_dayu_host()
    {
        using var c = Make(region: "cn-north-4");
        Assert.Equal(new Uri("https://dayu.cn-north-4.myhuaweicloud.com/"), c.Endpoint);
        Assert.Equal(
            "https://dayu.cn-north-4.myhuaweicloud.com/v2/0833a5737480d53b2f25c010dc1a7b88/quality/instances/restart",
            c.QualityUri("instances/restart").AbsoluteUri);
    }

    [Fact]
    public void Endpoint_with_a_base_path_and_query_encoding()
    {
        using var c = Make(endpoint: new Uri("http://127.0.0.1:5000/gw/"));
        var uri = c.QualityUri("quality-tasks",
            new[] { new KeyValuePair<string, string>("name", "daily check & more"), new("limit", "100") });
        Assert.Equal("http://127.0.0.1:5000/gw/v2/0833a5737480d53b2f25c010dc1a7b88/quality/quality-tasks" +
            "?name=daily%20check%20%26%20more&limit=100", uri.AbsoluteUri);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("0833a573", "malformed")]
    [InlineData("0833a5737480d53b2f25c010dc1a7b8g", "malformed")]
    public void Malformed_project_ids_are_refused_with_a_clear_message(string project, string word)
    {
        var ex = Assert.Throws<ArgumentException>(() => Make(region: "ap-southeast-1", project: project));
        Assert.Contains("project ID", ex.Message);
        Assert.Contains(word, ex.Message);
    }

    [Fact]
    public void The_endpoint_wins_over_the_region_and_one_is_needed()
    {
        // Both: the endpoint is used for DQC, the region is kept (IAM, project lookup) but must still be a region ID.
        using var both = Make(endpoint: new Uri("https://x"), region: "ap-southeast-1");
        Assert.Equal(new Uri("https://x"), both.Endpoint);
        Assert.Equal("ap-southeast-1", both.Region);
        Assert.Throws<ArgumentException>(() => Make(endpoint: new Uri("https://x"), region: "Not A Region"));
        Assert.Throws<ArgumentException>(() => Make());
        Assert.Throws<ArgumentException>(() => Make(endpoint: new Uri("ftp://x/")));
        Assert.Throws<ArgumentException>(() => Make(region: "Not A Region"));
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DataArtsQuality.Client;
using DataArtsQuality.Client.Auth;
using DataArtsQuality.Models;

// The module's own CPU cost per call, with the server taken out: DqcClient.RestartJobAsync against an in-memory
// handler that answers at once, beside a hand-written HttpClient call against the same handler (the baseline a C#
// user would write). Prints one JSON object; build.ps1 bench puts it in the results table.
if (args.Length > 0 && args[0] == "shared")
{
    SharedLimiterCost.Run(args.Length > 1 ? int.Parse(args[1]) : 20_000);
    return;
}
int calls = args.Length > 0 ? int.Parse(args[0]) : 10_000;
int rounds = args.Length > 1 ? int.Parse(args[1]) : 5;

var handler = new CannedHandler();
var connection = new DqcConnection(
    new DqcConnectRequest
    {
        Endpoint = new Uri("https://dayu.ap-southeast-1.myhuaweicloud.com"), ProjectId = "0833a5737480d53b2f25c010dc1a7b88", WorkspaceId = "1dd3bc4fa1d44e3b8d4ef1c2a3b4d93f",
        // The client-side rate limit (40 per 10 s by default) would turn a CPU measurement into a wait.
        Settings = new DqcSettings { RateLimitCount = 0 },
    },
    new TokenAuthenticator(SecretText.Protect("MIIbench-token")), handler);
var client = new DqcClient(connection);
var raw = new HttpClient(new CannedHandler());

async Task Ours() => await client.RestartJobAsync(DqcRuleType.Quality, "1440764172232392705", CancellationToken.None);

async Task Baseline()
{
    using var request = new HttpRequestMessage(HttpMethod.Post, "https://dayu.ap-southeast-1.myhuaweicloud.com/v2/0833a5737480d53b2f25c010dc1a7b88/quality/instances/restart");
    request.Headers.Add("workspace", "1dd3bc4fa1d44e3b8d4ef1c2a3b4d93f");
    request.Headers.Add("X-Auth-Token", "MIIbench-token");
    request.Content = new StringContent("{\"rule_type\":1,\"rule_id\":\"1440764172232392705\"}", Encoding.UTF8, "application/json");
    using var response = await raw.SendAsync(request);
    response.EnsureSuccessStatusCode();
    using var doc = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
    _ = doc.RootElement.GetProperty("instance_id").GetString();
}

(double[] us, double bytes) Measure(Func<Task> call)
{
    for (int i = 0; i < 2_000; i++) call().GetAwaiter().GetResult();   // warm up JIT and tiering
    var samples = new double[rounds];
    long allocated = 0;
    for (int r = 0; r < rounds; r++)
    {
        GC.Collect();
        long before = GC.GetTotalAllocatedBytes(true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (int i = 0; i < calls; i++) call().GetAwaiter().GetResult();
        samples[r] = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds * 1000 / calls;
        allocated += GC.GetTotalAllocatedBytes(true) - before;
    }
    Array.Sort(samples);
    return (samples, (double)allocated / rounds / calls);
}

var ours = Measure(Ours);
var baseline = Measure(Baseline);
var result = new Dictionary<string, object>
{
    ["calls"] = calls,
    ["rounds"] = rounds,
    ["ours_us_median"] = ours.us[rounds / 2],
    ["ours_us_min"] = ours.us[0],
    ["ours_us_max"] = ours.us[^1],
    ["ours_bytes_per_call"] = Math.Round(ours.bytes),
    ["baseline_us_median"] = baseline.us[rounds / 2],
    ["baseline_us_min"] = baseline.us[0],
    ["baseline_us_max"] = baseline.us[^1],
    ["baseline_bytes_per_call"] = Math.Round(baseline.bytes),
};
Console.WriteLine(JsonSerializer.Serialize(result));

sealed class CannedHandler : HttpMessageHandler
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"instance_id\":\"1500000000000760225\"}");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Body), RequestMessage = request };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return Task.FromResult(response);
    }
}

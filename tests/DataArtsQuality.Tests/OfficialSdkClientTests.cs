using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DataArtsQuality.Emulator;
using DataArtsQuality.Emulator.Gateway;
using Microsoft.AspNetCore.Builder;
using Xunit;

namespace DataArtsQuality.Tests;

/// <summary>
/// Requests shaped and signed the way Huawei's official SDKs send them, with the headers each SDK signs and its Host
/// value (docs/service-notes.md, AK/SK: what the SDKs sign), over real HTTP to the emulator. The signing algorithm
/// itself is checked against the Node SDK's vectors in AkSkVectorTests; here the question is whether the gateway
/// accepts each SDK's choices.
/// </summary>
public class OfficialSdkClientTests : IAsyncLifetime
{
    private WebApplication? _app;
    private Uri? _url;

    public async Task InitializeAsync()
        => (_app, _url) = await EmulatorApp.StartAsync(new EmulatorOptions { QualityJobs = 5, ComparisonJobs = 3 });

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    public enum Sdk
    {
        /// <summary>Signs every header but those with '_' (content-type and user-agent included); host with its
        /// port.</summary>
        Python,
        /// <summary>Signs host from Uri.Host (the port dropped) and every header but content-type.</summary>
        DotNet,
        /// <summary>Does not sign host; signs every other header but content-type.</summary>
        Go,
    }

    [Theory]
    [InlineData(Sdk.Python)]
    [InlineData(Sdk.DotNet)]
    [InlineData(Sdk.Go)]
    public async Task The_v1_job_list_without_a_workspace_header_is_served(Sdk sdk)
    {
        using var response = await SendSigned(sdk, HttpMethod.Get,
            $"/v1/{EmulatorDefaults.ProjectId}/quality/rules?limit=2&offset=0", body: null);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        using var json = JsonDocument.Parse(text);
        Assert.Equal(2, json.RootElement.GetProperty("data").GetProperty("page_search_result").GetArrayLength());
    }

    [Theory]
    [InlineData(Sdk.Python)]
    [InlineData(Sdk.DotNet)]
    [InlineData(Sdk.Go)]
    public async Task A_signed_restart_with_a_json_body_is_accepted(Sdk sdk)
    {
        using var response = await SendSigned(sdk, HttpMethod.Post,
            $"/v2/{EmulatorDefaults.ProjectId}/quality/instances/restart",
            "{\"rule_type\":1,\"rule_id\":\"1440764172232392705\"}", workspace: EmulatorDefaults.WorkspaceId);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Contains("instance_id", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_secret_is_still_refused_whatever_the_host_leniency()
    {
        using var response = await SendSigned(Sdk.DotNet, HttpMethod.Get,
            $"/v1/{EmulatorDefaults.ProjectId}/quality/rules", body: null, secretKey: "not-the-secret");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("verify aksk signature fail", await response.Content.ReadAsStringAsync(),
            StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> SendSigned(Sdk sdk, HttpMethod method, string pathAndQuery, string? body,
        string? workspace = null, string secretKey = EmulatorDefaults.SecretKey)
    {
        var uri = new Uri(_url!, pathAndQuery);
        var request = new HttpRequestMessage(method, uri);
        string date = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        string userAgent = sdk switch { Sdk.Python => "huaweicloud-usdk-python/3.0",
            Sdk.DotNet => "huaweicloud-usdk-net/3.0", _ => "huaweicloud-usdk-go/3.0" };

        // The headers on the request when the SDK signs, by lower-case name, with the value the SDK signs.
        var signed = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["x-sdk-date"] = date,
            ["x-project-id"] = EmulatorDefaults.ProjectId,
            ["user-agent"] = userAgent,
        };
        if (workspace is not null) signed["workspace"] = workspace;
        if (sdk == Sdk.Python) signed["host"] = uri.Authority;
        if (sdk == Sdk.DotNet) signed["host"] = uri.Host;
        if (body is not null && sdk == Sdk.Python) signed["content-type"] = "application/json";

        request.Headers.TryAddWithoutValidation("X-Sdk-Date", date);
        request.Headers.TryAddWithoutValidation("X-Project-Id", EmulatorDefaults.ProjectId);
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        if (workspace is not null) request.Headers.TryAddWithoutValidation("workspace", workspace);
        byte[] bytes = body is null ? Array.Empty<byte>() : Encoding.UTF8.GetBytes(body);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        }

        string canonical = ApigSignature.CanonicalRequest(method.Method, uri.PathAndQuery, signed.Keys.ToList(),
            name => signed.TryGetValue(name, out var v) ? v : null, bytes);
        string signature = ApigSignature.Signature(secretKey, ApigSignature.StringToSign(date, canonical));
        request.Headers.TryAddWithoutValidation("Authorization",
            $"SDK-HMAC-SHA256 Access={EmulatorDefaults.AccessKey}, SignedHeaders={string.Join(';', signed.Keys)}, " +
            $"Signature={signature}");

        using var client = new HttpClient();
        return await client.SendAsync(request);
    }
}

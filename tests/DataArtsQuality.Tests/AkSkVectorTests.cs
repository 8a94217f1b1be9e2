using System.Net.Http;
using System.Text;
using System.Text.Json;
using DataArtsQuality.Client.Auth;
#if !NETFRAMEWORK
using DataArtsQuality.Emulator.Gateway;
#endif
using Xunit;

namespace DataArtsQuality.Tests;

/// <summary>
/// Both signers (the module's and the emulator's independent one) against the 15 vectors the official Node SDK core
/// produced (TestData/aksk-vectors.json, copied from shared/research). Each vector is signed with exactly its own
/// header set: its input headers plus host and X-Sdk-Date.
/// </summary>
public class AkSkVectorTests
{
    private static readonly JsonElement[] Vectors = Load();

    private static JsonElement[] Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "TestData", "aksk-vectors.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var v in Vectors) data.Add(v.GetProperty("name").GetString()!);
        return data;
    }

    private static JsonElement Vector(string name) => Vectors.Single(v => v.GetProperty("name").GetString() == name);

    private static List<KeyValuePair<string, string>> HeaderSet(JsonElement v, Uri uri)
    {
        var headers = v.GetProperty("headers").EnumerateObject()
            .Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString()!)).ToList();
        headers.Add(new("host", uri.Authority));
        headers.Add(new("X-Sdk-Date", v.GetProperty("expected").GetProperty("x_sdk_date").GetString()!));
        return headers;
    }

    [Fact]
    public void All_fifteen_vectors_are_present()
    {
        Assert.Equal(15, Vectors.Length);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_module_signer_reproduces_the_vector(string name)
    {
        var v = Vector(name);
        var expected = v.GetProperty("expected");
        var uri = new Uri(v.GetProperty("url").GetString()!);
        byte[] body = Encoding.UTF8.GetBytes(v.GetProperty("body").GetString()!);

        var signature = AkSkSigner.Sign(v.GetProperty("method").GetString()!, uri, HeaderSet(v, uri), body,
            v.GetProperty("ak").GetString()!, Encoding.UTF8.GetBytes(v.GetProperty("sk").GetString()!));

        Assert.Equal(expected.GetProperty("canonical_request").GetString(), signature.CanonicalRequest);
        Assert.Equal(expected.GetProperty("string_to_sign").GetString(), signature.StringToSign);
        Assert.Equal(expected.GetProperty("signed_headers").GetString(), signature.SignedHeaders);
        Assert.Equal(expected.GetProperty("signature").GetString(), signature.Signature);
        Assert.Equal(expected.GetProperty("authorization").GetString(), signature.Authorization);
    }

    [Fact]
    public void A_signature_printed_by_accident_shows_neither_the_signature_nor_the_authorization_header()
    {
        var v = Vectors[0];
        var uri = new Uri(v.GetProperty("url").GetString()!);
        var signature = AkSkSigner.Sign(v.GetProperty("method").GetString()!, uri, HeaderSet(v, uri),
            Encoding.UTF8.GetBytes(v.GetProperty("body").GetString()!),
            v.GetProperty("ak").GetString()!, Encoding.UTF8.GetBytes(v.GetProperty("sk").GetString()!));
        string printed = signature.ToString();
        Assert.Contains(signature.SignedHeaders, printed);
        Assert.DoesNotContain(signature.Signature, printed);
        Assert.DoesNotContain(v.GetProperty("sk").GetString()!, printed);
        Assert.DoesNotContain("Signature=", printed);
    }

#if !NETFRAMEWORK
    // The emulator's verifier is net10 code (the emulator runs on .NET only): not compiled for the Mono lane.
    [Theory]
    [MemberData(nameof(Names))]
    public void The_emulator_verifier_reproduces_the_vector(string name)
    {
        var v = Vector(name);
        var expected = v.GetProperty("expected");
        string url = v.GetProperty("url").GetString()!;
        var uri = new Uri(url);
        // The request target exactly as on the wire: everything after the authority.
        string rawTarget = url.Substring(url.IndexOf('/', url.IndexOf("//", StringComparison.Ordinal) + 2));
        var headers = HeaderSet(v, uri).ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value);
        var parsed = ApigSignature.ParseAuthorization(expected.GetProperty("authorization").GetString());
        Assert.NotNull(parsed);

        string canonical = ApigSignature.CanonicalRequest(v.GetProperty("method").GetString()!, rawTarget,
            parsed!.SignedHeaders, n => headers.TryGetValue(n, out var value) ? value : null,
            Encoding.UTF8.GetBytes(v.GetProperty("body").GetString()!));
        string stringToSign = ApigSignature.StringToSign(expected.GetProperty("x_sdk_date").GetString()!, canonical);

        Assert.Equal(expected.GetProperty("canonical_request").GetString(), canonical);
        Assert.Equal(expected.GetProperty("string_to_sign").GetString(), stringToSign);
        Assert.Equal(expected.GetProperty("signature").GetString(),
            ApigSignature.Signature(v.GetProperty("sk").GetString()!, stringToSign));
        Assert.Equal(v.GetProperty("ak").GetString(), parsed.AccessKey);
    }
#endif

    [Fact]
    public void The_authenticator_signs_host_with_port_workspace_project_and_security_token_but_not_content_type()
    {
        var when = new DateTimeOffset(2024, 3, 15, 8, 15, 30, TimeSpan.FromHours(8)); // 00:15:30 UTC
        var auth = new AkSkAuthenticator("EXAMPLEAK0123456789A",
            SecretText.Protect("ExampleSecretKeyDoNotUse0123456789abcdef"),
            SecretText.Protect("security-token-value")) { ProjectId = "0123456789abcdef0123456789abcdef" };
        byte[] body = Encoding.UTF8.GetBytes("{\"rule_type\":1,\"rule_id\":\"1440764172232392705\"}");
        using var request = new HttpRequestMessage(HttpMethod.Post,
            "https://dayu.cn-north-4.myhuaweicloud.com:8443/v2/p/quality/instances/restart");
        request.Headers.TryAddWithoutValidation("workspace", "1dd3bc4fa1d44e3b8d4ef1c2a3b4d93f");
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");

        var signature = auth.Sign(request, body, when);

        Assert.Equal("host;workspace;x-project-id;x-sdk-date;x-security-token", signature.SignedHeaders);
        Assert.Contains("host:dayu.cn-north-4.myhuaweicloud.com:8443\n", signature.CanonicalRequest);
        Assert.Equal("20240315T001530Z", request.Headers.GetValues("X-Sdk-Date").Single());
        Assert.Equal("security-token-value", request.Headers.GetValues("X-Security-Token").Single());
        Assert.EndsWith("\n" + AkSkSigner.HexSha256(body), signature.CanonicalRequest);
        Assert.Equal("/v2/p/quality/instances/restart/", signature.CanonicalRequest.Split('\n')[1]);
        Assert.Equal(signature.Authorization, request.Headers.GetValues("Authorization").Single());
        Assert.StartsWith("SDK-HMAC-SHA256 Access=EXAMPLEAK0123456789A, SignedHeaders=host;workspace;",
            signature.Authorization);
    }

    [Fact]
    public void The_date_is_gregorian_utc_whatever_the_current_culture()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            var thai = new System.Globalization.CultureInfo("th-TH");
            thai.DateTimeFormat.Calendar = new System.Globalization.ThaiBuddhistCalendar();
            System.Globalization.CultureInfo.CurrentCulture = thai;
            Assert.Equal("20240315T081530Z",
                AkSkSigner.FormatDate(new DateTimeOffset(2024, 3, 15, 17, 15, 30, TimeSpan.FromHours(9))));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Canonical_uri_decodes_then_encodes_once()
    {
        Assert.Equal("/v1/a%20b/c/", AkSkSigner.CanonicalUri(new Uri("https://h/v1/a%20b/c")));
        Assert.Equal("/", AkSkSigner.CanonicalUri(new Uri("https://h")));
        Assert.Equal("a=%2B&b=%20", AkSkSigner.CanonicalQuery("?b=%20&a=%2B"));
    }
}

using System.Text.RegularExpressions;
using DataArtsQuality.Emulator;
using DataArtsQuality.Emulator.State;
using Xunit;

namespace DataArtsQuality.Tests;

/// <summary>dqc-emulator's command line and seed format, in process (the installed tool is tested in Pester).</summary>
public class EmulatorCommandLineTests
{
    private static readonly string[] Switches = { "--help", "-h", "--version", "--nested-sub-rules",
        "--rate-limit-count-refused" };

    private static IReadOnlyList<string> HelpFlags() =>
        Regex.Matches(EmulatorCommandLine.Help, @"(?m)^\s+(?<flag>--[a-z-]+)(?:,\s*(?<alias>-[a-z]))?")
            .SelectMany(m => new[] { m.Groups["flag"].Value, m.Groups["alias"].Value })
            .Where(f => f.Length > 0).Distinct().ToList();

    [Fact]
    public void Every_flag_in_the_help_is_parsed()
    {
        var flags = HelpFlags();
        Assert.True(flags.Count >= 20, string.Join(' ', flags));
        foreach (string flag in flags.Except(Switches))
        {
            var parsed = EmulatorCommandLine.Parse(new[] { flag });
            Assert.Equal($"{flag} needs a value.", parsed.Error);
        }
        Assert.True(EmulatorCommandLine.Parse(new[] { "--help" }).ShowHelp);
        Assert.True(EmulatorCommandLine.Parse(new[] { "-h" }).ShowHelp);
        Assert.True(EmulatorCommandLine.Parse(new[] { "--version" }).ShowVersion);
        Assert.True(EmulatorCommandLine.Parse(new[] { "--nested-sub-rules" }).Options!.NestedSubRules);
    }

    [Fact]
    public void The_help_and_docs_emulator_md_list_the_same_flags()
    {
        string docs = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "emulator.md"));
        string table = docs[docs.IndexOf("## Command line", StringComparison.Ordinal)..docs.IndexOf("## Seed files",
            StringComparison.Ordinal)];
        var documented = Regex.Matches(table, @"(?m)^\|[^|]*")
            .SelectMany(row => Regex.Matches(row.Value, @"`(?<flag>--?[a-z-]+)").Select(m => m.Groups["flag"].Value))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(HelpFlags().Order(StringComparer.Ordinal).ToList(), documented);
    }

    [Fact]
    public void Options_land_where_they_belong()
    {
        var o = EmulatorCommandLine.Parse(new[]
        {
            "--port", "0", "--instance-run-ms", "250", "--final-status", "failed", "--rate-limit", "40",
            "--rate-limit-period-ms", "5000",
            "--token-lifetime-sec", "60", "--user", "ops:pa:ss", "--access-key", "AK1:SK1",
            "--access-key", "AK2:SK2:tok:en",
            "--fault", "{\"kind\":\"status\",\"status\":429,\"path\":\"restart\"}", "--comparison-jobs", "7",
        }).Options!;
        Assert.Equal(250, o.InstanceRunMilliseconds);
        Assert.Equal("FAILED", o.FinalStatus);
        Assert.Equal((40, 5000), (o.RateLimitCount, o.RateLimitPeriodMilliseconds));
        Assert.Equal(60, o.TokenLifetimeSeconds);
        Assert.Equal(("ops", "pa:ss"), o.Users.Single());
        Assert.Equal(("AK1", "SK1", (string?)null), o.AccessKeys[0]);
        Assert.Equal(("AK2", "SK2", (string?)"tok:en"), o.AccessKeys[1]);
        Assert.Equal(429, o.Faults.Single().Status);
        Assert.Equal(7, o.ComparisonJobs);
        Assert.Null(o.ComparisonJobSeed);
    }

    [Theory]
    [InlineData("--port", "70000", "--port must be 0 to 65535.")]
    [InlineData("--final-status", "DONE", "--final-status is SUCCESS, ALARMING or FAILED, not 'DONE'.")]
    [InlineData("--user", "nopassword", "--user is NAME:PASSWORD.")]
    [InlineData("--access-key", "AKONLY", "--access-key is AK:SK or AK:SK:SECURITY_TOKEN.")]
    [InlineData("--fault", "{\"kind\":\"melt\"}",
        "--fault: a fault needs \"kind\": status, reset, slow, malformed or truncate.")]
    [InlineData("--instance-run-ms", "-1", "--instance-run-ms cannot be negative.")]
    public void Bad_values_are_refused_with_the_flag_named(string flag, string value, string error) =>
        Assert.Equal(error, EmulatorCommandLine.Parse(new[] { flag, value }).Error);

    [Fact]
    public void Seed_ids_keep_every_digit_whether_numbers_or_strings()
    {
        var jobs = JobSeed.Parse("""
            { "jobs": [
              { "id": 9007199254740993, "name": "a" },
              { "id": "9223372036854775807", "name": "b", "outcome": "alarming", "history": ["FAILED", "success"], "category_id": "1012384968858652701" },
            ] }
            """);
        Assert.Equal(9007199254740993L, jobs[0].Id);
        Assert.Equal(long.MaxValue, jobs[1].Id);
        Assert.Equal("ALARMING", jobs[1].Outcome);
        Assert.Equal(new[] { "FAILED", "SUCCESS" }, jobs[1].History);
        Assert.Equal(1012384968858652701L, jobs[1].CategoryId);
    }

    [Theory]
    [InlineData("""[{"id": 9007199254740993.0, "name": "a"}]""", "job 0: \"id\" must be an integer")]
    [InlineData("""[{"id": 9.007199254740993e15, "name": "a"}]""", "job 0: \"id\" must be an integer")]
    [InlineData("""[{"id": 9223372036854775808, "name": "a"}]""", "fits in 64 bits")]
    [InlineData("""[{"id": 0, "name": "a"}]""", "job 0: \"id\" must be a positive integer.")]
    [InlineData("""[{"id": 5, "name": "a"}, {"id": "5", "name": "b"}]""", "job 1: the id 5 appears twice.")]
    [InlineData("""[{"id": 5, "name": "a", "history": "FAILED"}]""",
        "job 0 (5): \"history\" must be an array of outcomes.")]
    [InlineData("""{"quality": []}""", "expected an array of jobs")]
    [InlineData("""[{"id": 5, "name": "a",""", "not JSON")]
    public void Bad_seeds_say_which_job_and_field(string json, string message)
    {
        var ex = Assert.Throws<FormatException>(() => JobSeed.Parse(json));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_seed_replaces_the_sample_and_reset_brings_the_seed_back()
    {
        var options = new EmulatorOptions { QualityJobSeed = JobSeed.Parse(
            """[{"id": 9007199254740993, "name": "a", "history": ["FAILED"], "outcome": "FAILED"}]""") };
        var state = new EmulatorState(options);
        var tenant = state.FindTenant(options.WorkspaceId)!;
        Assert.Equal(new[] { 9007199254740993L }, tenant.Jobs.Select(j => j.Id));
        Assert.Equal("FAILED", tenant.Instances.Single().RunStatus);
        lock (state.Lock) state.StartRun(tenant, tenant.Jobs[0]);
        state.Reset();
        tenant = state.FindTenant(options.WorkspaceId)!;
        Assert.Single(tenant.Instances);
        Assert.Equal(new[] { "9007199254740993" }, state.FirstJobIds(JobKind.Quality, 3));
        Assert.Empty(state.FirstJobIds(JobKind.Comparison, 3));
    }

    [Fact]
    public void Final_status_overrides_the_jobs_own_outcome()
    {
        var options = EmulatorCommandLine.Parse(
            new[] { "--final-status", "ALARMING", "--instance-run-ms", "0" }).Options!;
        var state = new EmulatorState(options);
        var tenant = state.FindTenant(options.WorkspaceId)!;
        var succeeding = tenant.Jobs.Single(j => j.Id == 1440764172232392705);   // the sample's SUCCESS job
        lock (state.Lock)
        {
            var run = state.StartRun(tenant, succeeding);
            state.Advance(tenant);
            Assert.Equal("ALARMING", run.RunStatus);
        }
    }

    [Fact]
    public async Task Users_and_access_keys_from_the_command_line_can_log_in_and_sign()
    {
        var options = EmulatorCommandLine.Parse(
            new[] { "--user", "ops:S3cret:x", "--access-key", "EXTRAAK0000000000001:ExtraSecret" }).Options!;
        var (app, url) = await EmulatorApp.StartAsync(options);
        try
        {
            using var client = new HttpClient { BaseAddress = url };
            string login = $$$$$"""{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"ops","password":"S3cret:x","domain":{"name":"{{{{{EmulatorDefaults.DomainName}}}}}"}}}},"scope":{"project":{"id":"{{{{{EmulatorDefaults.ProjectId}}}}}"}}}}""";
            using var created = await client.PostAsync("/v3/auth/tokens",
                new StringContent(login, System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
            string wrong = login.Replace("S3cret:x", "S3cret", StringComparison.Ordinal);
            using var refused = await client.PostAsync("/v3/auth/tokens",
                new StringContent(wrong, System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);

            string date = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'",
                System.Globalization.CultureInfo.InvariantCulture);
            string path = $"/v1/{EmulatorDefaults.ProjectId}/quality/rules";
            string canonical = DataArtsQuality.Emulator.Gateway.ApigSignature.CanonicalRequest("GET", path,
                new[] { "x-sdk-date" }, _ => date, ReadOnlySpan<byte>.Empty);
            string signature = DataArtsQuality.Emulator.Gateway.ApigSignature.Signature("ExtraSecret",
                DataArtsQuality.Emulator.Gateway.ApigSignature.StringToSign(date, canonical));
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.TryAddWithoutValidation("X-Sdk-Date", date);
            request.Headers.TryAddWithoutValidation("Authorization",
                $"SDK-HMAC-SHA256 Access=EXTRAAK0000000000001, SignedHeaders=x-sdk-date, Signature={signature}");
            using var signed = await client.SendAsync(request);
            Assert.Equal(System.Net.HttpStatusCode.OK, signed.StatusCode);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DataArtsQuality.slnx"))) return dir.FullName;
        throw new InvalidOperationException(
            "The repository root (DataArtsQuality.slnx) is not above " + AppContext.BaseDirectory);
    }
}

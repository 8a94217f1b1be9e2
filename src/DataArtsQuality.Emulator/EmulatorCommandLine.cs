namespace DataArtsQuality.Emulator;

/// <summary>
/// dqc-emulator's command line. Every flag is listed in <see cref="Help"/>; docs/emulator.md repeats the list, and a
/// Pester test checks that the two agree.
/// </summary>
public static class EmulatorCommandLine
{
    public const string Help = """
        dqc-emulator: a local stand-in for the Huawei Cloud DataArts Studio Data Quality (DQC) API.

        Usage: dqc-emulator [options]

        Listens on 127.0.0.1 only. The first line on standard output is one JSON object:
          {"Endpoint":"http://127.0.0.1:PORT","ProjectId":"...","WorkspaceId":"...","Token":"..."}
        Ctrl+C or SIGTERM stops it (exit code 0). Control endpoints under /_emulator/ (docs/emulator.md).

        Connection:
          --port N                   TCP port on 127.0.0.1; 0 (the default) picks a free one
          --project-id ID            the project in API paths (default 0833a5737480d53b2f25c010dc1a7b88)
          --workspace-id ID          the main workspace (default 1dd3bc4fa1d44e3b8d4ef1c2a3b4d93f)
          --token TOKEN              an X-Auth-Token accepted besides those its IAM issues
        Jobs:
          --jobs FILE                quality jobs from a seed file (JSON, docs/emulator.md "Seed files"); with
                                     --jobs or --comparison-jobs FILE the main workspace holds only seeded jobs
          --comparison-jobs FILE     comparison jobs from a seed file
          --quality-jobs N           size of the built-in sample when no seed file is given (default 250)
          --comparison-jobs N        (a number rather than a file) comparison jobs in the sample (default 120)
        Runs:
          --instance-run-ms N        how long a new run stays RUNNING (default 2000)
          --final-status STATUS      every new run ends in SUCCESS, ALARMING or FAILED (default: each job's outcome)
        Gateway and IAM:
          --rate-limit N             enforce N requests per caller per period (429 APIG.0308); 0 = off (default)
          --rate-limit-period-ms N   the rate-limit period (default 10000)
          --rate-limit-count-refused refused requests count against the window too (the docs do not say which)
          --token-lifetime-sec N     lifetime of tokens its IAM issues (default 86400)
          --clock-skew-sec N         shift its clock (the 15-minute X-Sdk-Date check, token times)
          --region NAME              the region its IAM names the project after (default ap-southeast-1)
          --user NAME:PASSWORD       another IAM user of the account emulator-account (repeatable)
          --access-key AK:SK[:SECURITY_TOKEN]
                                     another AK/SK pair; with a security token, a temporary one (repeatable)
        Faults:
          --fault JSON               queue a fault for the first matching requests, e.g.
                                     '{"kind":"status","status":429,"path":"instances/restart"}' (repeatable)
          --faults FILE              queue the faults of a JSON array in FILE
        Other:
          --nested-sub-rules         comparison job details send sub_rules as an array of arrays (the SDKs' shape)
          --parent-pid PID           exit when that process ends
          --help, -h                 this text
          --version                  the version

        Built-in credentials (fake; also at GET /_emulator/auth): user dqc-runner, password Emulator-Passw0rd!not-real,
        account emulator-account, AK EMULATORAK0000000001 with SK EmulatorSecretKey0123456789notReal0123456.
        """;

    /// <summary>What the command line asks for: run with options, show help or version, or an error.</summary>
    public sealed record Parsed(EmulatorOptions? Options, bool ShowHelp, bool ShowVersion, string? Error);

    public static Parsed Parse(IReadOnlyList<string> args)
    {
        var options = new EmulatorOptions();
        try
        {
            var reader = new OptionReader(args);
            while (reader.MoveNext())
            {
                string flag = reader.Flag;
                if (flag is "--help" or "-h" or "-?" or "/?") return new Parsed(null, true, false, null);
                if (flag == "--version") return new Parsed(null, false, true, null);
                if (!OptionHandlers.TryGetValue(flag, out var handle))
                    throw new FormatException($"Unknown option '{flag}'. Run dqc-emulator --help for the list.");
                handle(reader, options);
            }
        }
        catch (FormatException e)
        {
            return new Parsed(null, false, false, e.Message);
        }
        if (options.QualityJobSeed is not null && options.ComparisonJobSeed is not null)
        {
            var clash = options.QualityJobSeed.Select(j => j.Id)
                .Intersect(options.ComparisonJobSeed.Select(j => j.Id))
                .FirstOrDefault();
            if (clash != 0)
                return new Parsed(null, false, false, $"The id {clash} is both a quality and a comparison job.");
        }
        return new Parsed(options, false, false, null);
    }

    /// <summary>
    /// What each option does with its values (read from the <see cref="OptionReader"/>, which stands on the option's
    /// flag). --help and --version are not here: they end the parse.
    /// </summary>
    private static readonly Dictionary<string, Action<OptionReader, EmulatorOptions>> OptionHandlers = new()
    {
        ["--port"] = (reader, options) =>
        {
            options.Port = reader.NextInt();
            if (options.Port is < 0 or > 65535) throw new FormatException("--port must be 0 to 65535.");
        },
        ["--token"] = (reader, options) => options.Token = NonEmpty(reader.Flag, reader.Next()),
        ["--project-id"] = (reader, options) => options.ProjectId = NonEmpty(reader.Flag, reader.Next()),
        ["--workspace-id"] = (reader, options) => options.WorkspaceId = NonEmpty(reader.Flag, reader.Next()),
        ["--jobs"] = (reader, options) => options.QualityJobSeed = JobSeed.ReadFile(reader.Next()),
        ["--quality-jobs"] = QualityJobs,
        ["--comparison-jobs"] = ComparisonJobs,
        ["--instance-run-ms"] = (reader, options) => options.InstanceRunMilliseconds = reader.NextCount(),
        ["--final-status"] = FinalStatus,
        ["--parent-pid"] = (reader, options) => options.ParentProcessId = reader.NextInt(),
        ["--rate-limit"] = (reader, options) => options.RateLimitCount = reader.NextCount(),
        ["--rate-limit-period-ms"] = (reader, options) => options.RateLimitPeriodMilliseconds = reader.NextCount(),
        ["--rate-limit-count-refused"] = (_, options) => options.RateLimitCountsRefused = true,
        ["--nested-sub-rules"] = (_, options) => options.NestedSubRules = true,
        ["--token-lifetime-sec"] = (reader, options) => options.TokenLifetimeSeconds = reader.NextInt(),
        ["--clock-skew-sec"] = (reader, options) => options.ClockSkewSeconds = reader.NextInt(),
        ["--region"] = (reader, options) => options.Region = NonEmpty(reader.Flag, reader.Next()),
        ["--user"] = User,
        ["--access-key"] = AccessKey,
        ["--fault"] = (reader, options) => options.Faults.Add(Fault(reader.Next(), reader.Flag)),
        ["--faults"] = FaultsFile,
    };

    private static void QualityJobs(OptionReader reader, EmulatorOptions options)
    {
        // A number sizes the sample; anything else is a seed file, like --jobs.
        string value = reader.Next();
        if (IsCount(value)) options.QualityJobs = int.Parse(value, CultureInfo.InvariantCulture);
        else options.QualityJobSeed = JobSeed.ReadFile(value);
    }

    private static void ComparisonJobs(OptionReader reader, EmulatorOptions options)
    {
        string value = reader.Next();
        if (IsCount(value)) options.ComparisonJobs = int.Parse(value, CultureInfo.InvariantCulture);
        else options.ComparisonJobSeed = JobSeed.ReadFile(value);
    }

    private static void FinalStatus(OptionReader reader, EmulatorOptions options)
    {
        string value = reader.Next();
        options.FinalStatus =
            DqcValues.Outcomes.FirstOrDefault(o => string.Equals(o, value, StringComparison.OrdinalIgnoreCase))
            ?? throw new FormatException($"--final-status is SUCCESS, ALARMING or FAILED, not '{value}'.");
    }

    private static void User(OptionReader reader, EmulatorOptions options)
    {
        string value = reader.Next();
        int colon = value.IndexOf(':');
        if (colon <= 0 || colon == value.Length - 1) throw new FormatException("--user is NAME:PASSWORD.");
        options.Users.Add((value[..colon], value[(colon + 1)..]));
    }

    private static void AccessKey(OptionReader reader, EmulatorOptions options)
    {
        // An SK has no colon; a security token may (it is base64-like), so split at most twice.
        string[] parts = reader.Next().Split(':', 3);
        if (parts.Length < 2 || parts.Any(p => p.Length == 0))
            throw new FormatException("--access-key is AK:SK or AK:SK:SECURITY_TOKEN.");
        options.AccessKeys.Add((parts[0], parts[1], parts.Length == 3 ? parts[2] : null));
    }

    private static void FaultsFile(OptionReader reader, EmulatorOptions options)
    {
        string path = reader.Next();
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FormatException($"Cannot read {path}: {e.Message}");
        }
        JsonArray? array;
        try
        {
            array = JsonNode.Parse(text) as JsonArray;
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new FormatException($"{path} is not JSON: {e.Message}");
        }
        if (array is null) throw new FormatException($"{path} must hold a JSON array of faults.");
        foreach (var item in array) options.Faults.Add(Fault(item?.ToJsonString() ?? "null", path));
    }

    private static bool IsCount(string value) =>
        value.Length > 0
        && value.All(char.IsAsciiDigit)
        && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _);

    private static string NonEmpty(string flag, string value) =>
        value.Length > 0 ? value : throw new FormatException($"{flag} cannot be empty.");

    private static FaultSpec Fault(string json, string source)
    {
        JsonObject? node;
        try
        {
            node = JsonNode.Parse(json) as JsonObject;
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new FormatException($"{source}: a fault must be a JSON object: {e.Message}");
        }
        return FaultSpec.FromJson(node)
            ?? throw new FormatException(
                $"{source}: a fault needs \"kind\": status, reset, slow, malformed or truncate.");
    }

    /// <summary>
    /// Walks the arguments one option at a time: <see cref="Flag"/> is the option's own argument, the Next methods
    /// take its values, and their errors name the flag.
    /// </summary>
    private sealed class OptionReader(IReadOnlyList<string> args)
    {
        private int _index = -1;

        public string Flag { get; private set; } = "";

        public bool MoveNext()
        {
            if (++_index >= args.Count) return false;
            Flag = args[_index];
            return true;
        }

        public string Next() =>
            _index + 1 < args.Count ? args[++_index] : throw new FormatException($"{Flag} needs a value.");

        public int NextInt()
        {
            string text = Next();
            return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int n)
                ? n : throw new FormatException($"{Flag} needs a whole number, not '{text}'.");
        }

        public int NextCount()
        {
            int n = NextInt();
            return n >= 0 ? n : throw new FormatException($"{Flag} cannot be negative.");
        }
    }
}

using System.Text.Json;

namespace DataArtsQuality.Emulator.State;

/// <summary>
/// Jobs a user seeds from a file (--jobs, --comparison-jobs) or through PUT /_emulator/seed, in place of the built-in
/// sample. The format is documented in docs/emulator.md ("Seed files"): a JSON array of job objects, or an object
/// whose "jobs" property is that array. IDs are read from the JSON text itself, never through a double, so an
/// integer beyond 2^53 keeps every digit.
/// </summary>
public sealed class JobSeed
{
    public required long Id { get; init; }
    public required string Name { get; init; }
    public long CategoryId { get; init; }
    public string ScheduleStatus { get; init; } = "NOT_START";
    public string? SchedulePeriod { get; init; }
    public string? ScheduleInterval { get; init; }
    public string Creator { get; init; } = "ei";
    public string Level { get; init; } = "SUGGEST";
    /// <summary>What a new run of the job ends in.</summary>
    public string Outcome { get; init; } = "SUCCESS";
    /// <summary>Creation time (ms since the epoch); null = a day before the emulator started.</summary>
    public long? CreateTime { get; init; }
    /// <summary>Finished past runs, oldest first, by outcome; they end within the last day.</summary>
    public IReadOnlyList<string> History { get; init; } = Array.Empty<string>();

    public EmulatedJob ToJob(JobKind kind, long now) => new()
    {
        Id = Id,
        Kind = kind,
        Name = Name,
        CategoryId = CategoryId,
        ScheduleStatus = ScheduleStatus,
        SchedulePeriod = SchedulePeriod,
        ScheduleInterval = ScheduleInterval,
        CreateTime = CreateTime ?? now - 86_400_000L,
        Creator = Creator,
        Level = Level,
        Outcome = Outcome,
    };

    public static IReadOnlyList<JobSeed> ReadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FormatException($"Cannot read the seed file {path}: {e.Message}", e);
        }
        try
        {
            return Parse(text);
        }
        catch (FormatException e)
        {
            throw new FormatException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Parses the seed format; a FormatException says which job and field are wrong.</summary>
    public static IReadOnlyList<JobSeed> Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json,
                new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new FormatException($"not JSON: {e.Message}", e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("jobs", out var jobs)) root = jobs;
            if (root.ValueKind != JsonValueKind.Array)
                throw new FormatException("expected an array of jobs, or an object with a \"jobs\" array.");
            return ParseArray(root);
        }
    }

    public static IReadOnlyList<JobSeed> ParseArray(JsonElement array)
    {
        var list = new List<JobSeed>();
        var ids = new HashSet<long>();
        int index = 0;
        foreach (var item in array.EnumerateArray())
        {
            string where = $"job {index}";
            if (item.ValueKind != JsonValueKind.Object) throw new FormatException($"{where} is not an object.");
            long id = Integer(item, "id", where) ?? throw new FormatException($"{where} has no \"id\".");
            if (id <= 0) throw new FormatException($"{where}: \"id\" must be a positive integer.");
            if (!ids.Add(id)) throw new FormatException($"{where}: the id {id} appears twice.");
            where = $"job {index} ({id})";
            string name = Text(item, "name", where) ?? throw new FormatException($"{where} has no \"name\".");
            if (name.Length == 0) throw new FormatException($"{where}: \"name\" is empty.");
            var history = new List<string>();
            if (item.TryGetProperty("history", out var h) && h.ValueKind != JsonValueKind.Null)
            {
                if (h.ValueKind != JsonValueKind.Array)
                    throw new FormatException($"{where}: \"history\" must be an array of outcomes.");
                foreach (var run in h.EnumerateArray())
                {
                    string? outcome = run.ValueKind == JsonValueKind.String ? run.GetString() : null;
                    history.Add(OneOf(outcome, DqcValues.Outcomes, where, "history"));
                }
            }
            list.Add(new JobSeed
            {
                Id = id,
                Name = name,
                CategoryId = Integer(item, "category_id", where) ?? 0,
                ScheduleStatus = Choice(item, "schedule_status", DqcValues.ScheduleStatuses, where) ?? "NOT_START",
                SchedulePeriod = Choice(item, "schedule_period", DqcValues.SchedulePeriods, where),
                ScheduleInterval = Text(item, "schedule_interval", where),
                Creator = Text(item, "creator", where) ?? "ei",
                Level = Choice(item, "level", DqcValues.Levels, where) ?? "SUGGEST",
                Outcome = Choice(item, "outcome", DqcValues.Outcomes, where) ?? "SUCCESS",
                CreateTime = Integer(item, "create_time", where),
                History = history,
            });
            index++;
        }
        return list;
    }

    /// <summary>An integer given as a JSON number (no fraction or exponent) or a string of digits; exact.</summary>
    private static long? Integer(JsonElement item, string property, string where)
    {
        if (!item.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.Number)
        {
            string raw = value.GetRawText();
            if (raw.IndexOfAny(['.', 'e', 'E']) < 0
                && long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long n))
                return n;
        }
        else if (value.ValueKind == JsonValueKind.String
                 && long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out long s))
        {
            return s;
        }
        throw new FormatException($"{where}: \"{property}\" must be an integer (a JSON number without fraction or "
            + $"exponent, or a string of digits) that fits in 64 bits, not {value.GetRawText()}.");
    }

    private static string? Text(JsonElement item, string property, string where)
    {
        if (!item.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String)
            throw new FormatException($"{where}: \"{property}\" must be a string.");
        return value.GetString();
    }

    private static string? Choice(JsonElement item, string property, string[] allowed, string where)
    {
        string? text = Text(item, property, where);
        return text is null ? null : OneOf(text, allowed, where, property);
    }

    private static string OneOf(string? text, string[] allowed, string where, string property)
    {
        foreach (string a in allowed)
            if (string.Equals(a, text, StringComparison.OrdinalIgnoreCase)) return a;
        throw new FormatException(
            $"{where}: \"{property}\" must be one of {string.Join(", ", allowed)}, not {text ?? "null"}.");
    }
}

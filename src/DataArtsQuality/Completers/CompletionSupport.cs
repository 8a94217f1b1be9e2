using System.Management.Automation;

using DataArtsQuality.Session;

namespace DataArtsQuality.Completers;

/// <summary>What the completers share: the connection to ask, matching as PowerShell does, quoting.</summary>
internal static class CompletionSupport
{
    /// <summary>How long one Tab may wait for the service before it completes nothing.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The connection the command line will use: the -Connection already typed (a name or a context object), else
    /// the default. Null when there is none; never prompts, never throws.
    /// </summary>
    public static DqcConnection? Connection(IDictionary? fakeBoundParameters)
    {
        object? value = Bound(fakeBoundParameters, "Connection");
        if (value is null) return DqcSessionState.Default;
        string? name = value switch
        {
            string s => s,
            DqcContextInfo context => context.Name,
            DqcConnection connection => connection.Name,
            _ => null,
        };
        return string.IsNullOrWhiteSpace(name) ? null : DqcSessionState.Find(name!.Trim());
    }

    /// <summary>A parameter's value from fakeBoundParameters (by any of its names), unwrapped; null when
    /// absent.</summary>
    public static object? Bound(IDictionary? fakeBoundParameters, params string[] names)
    {
        if (fakeBoundParameters is null) return null;
        foreach (string name in names)
        {
            foreach (DictionaryEntry pair in fakeBoundParameters)
            {
                if (pair.Key is string key && string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                    return pair.Value is PSObject pso ? pso.BaseObject : pair.Value;
            }
        }
        return null;
    }

    /// <summary>
    /// Which job lists a command line is about: -RuleType/-JobType when typed (a value that is not a rule type
    /// gives none), else the command's noun (…ComparisonJob: comparison jobs; …Job: quality jobs, as Restart-DqcJob
    /// defaults to Quality), else both.
    /// </summary>
    public static IReadOnlyList<DqcRuleType> Kinds(string? commandName, IDictionary? fakeBoundParameters)
    {
        object? typed = Bound(fakeBoundParameters, "RuleType", "JobType");
        if (typed != null)
        {
            if (typed is string s && s.Length == 0) { }
            else return DqcRuleTypes.TryParse(typed, out var kind) ? new[] { kind } : Array.Empty<DqcRuleType>();
        }
        string command = commandName ?? "";
        int slash = command.LastIndexOf('\\');
        if (slash >= 0) command = command.Substring(slash + 1);
        int dash = command.IndexOf('-');
        string noun = dash >= 0 ? command.Substring(dash + 1) : command;
        if (noun.EndsWith("ComparisonJob", StringComparison.OrdinalIgnoreCase)) return new[] { DqcRuleType.Comparison };
        if (noun.EndsWith("Job", StringComparison.OrdinalIgnoreCase) || noun.EndsWith("JobSchedule",
            StringComparison.OrdinalIgnoreCase))
            return new[] { DqcRuleType.Quality };   // schedules exist for quality jobs only
        return new[] { DqcRuleType.Quality, DqcRuleType.Comparison };
    }

    /// <summary>
    /// The jobs of those kinds from the connection's completion cache, within one shared budget. Empty when not
    /// connected, when a login would be needed, or when the service does not answer in time.
    /// </summary>
    public static List<DqcJobName> Jobs(string? commandName, IDictionary? fakeBoundParameters)
    {
        var jobs = new List<DqcJobName>();
        var connection = Connection(fakeBoundParameters);
        if (connection is null || !DqcCompletionCache.CanAuthenticateQuietly(connection)) return jobs;
        var cache = DqcCompletionCache.For(connection);
        var started = System.Diagnostics.Stopwatch.StartNew();
        foreach (var kind in Kinds(commandName, fakeBoundParameters))
        {
            var left = Budget - started.Elapsed;
            var list = cache.TryGet(kind, left > TimeSpan.Zero ? left : TimeSpan.Zero);
            if (list != null) jobs.AddRange(list);
        }
        return jobs;
    }

    /// <summary>
    /// The connection's recent instances from its completion cache, within the same budget as jobs. Empty when not
    /// connected, when a login would be needed, or when the service does not answer in time.
    /// </summary>
    public static IReadOnlyList<DqcInstanceName> Instances(IDictionary? fakeBoundParameters)
    {
        var connection = Connection(fakeBoundParameters);
        if (connection is null || !DqcCompletionCache.CanAuthenticateQuietly(connection))
            return Array.Empty<DqcInstanceName>();
        return DqcCompletionCache.For(connection)
            .TryGetInstances(Budget) ?? (IReadOnlyList<DqcInstanceName>)Array.Empty<DqcInstanceName>();
    }

    /// <summary>The word without its opening (and closing) quote, and the quote character it started with.</summary>
    public static string Unquote(string? wordToComplete, out char quote)
    {
        string word = wordToComplete ?? "";
        quote = '\0';
        if (word.Length > 0 && IsQuote(word[0]))
        {
            quote = word[0];
            word = word.Substring(1);
            if (word.Length > 0 && IsQuote(word[word.Length - 1])) word = word.Substring(0, word.Length - 1);
        }
        return word;
    }

    /// <summary>
    /// Prefix match, case-insensitive, as PowerShell's own completers; a word with wildcards (* ? [) matches as a
    /// wildcard pattern instead.
    /// </summary>
    public static Func<string, bool> Matcher(string word)
    {
        if (WildcardPattern.ContainsWildcardCharacters(word))
        {
            var pattern = WildcardPattern.Get(word.EndsWith("*", StringComparison.Ordinal) ? word : word + "*",
                WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
            return pattern.IsMatch;
        }
        return value => value.StartsWith(word, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The text to insert for a value: as it is when it is one bare word, else quoted (with the quote the user
    /// started, single quotes by default) and escaped.
    /// </summary>
    public static string Quote(string value, char userQuote)
    {
        bool needs = userQuote != '\0' || value.Length == 0 || value[0] == '-' || value[0] == '@' || value[0] == '#'
            || value.Any(ch => char.IsWhiteSpace(ch) || "'\"`$&|;,(){}<>".IndexOf(ch) >= 0 || IsQuote(ch));
        if (!needs) return value;
        if (userQuote == '"' || userQuote == '\u201C' || userQuote == '\u201D')
        {
            var sb = new System.Text.StringBuilder("\"");
            foreach (char ch in value)
            {
                if (ch == '`' || ch == '$' || ch == '"' || ch == '\u201C' || ch == '\u201D' || ch == '\u201E') sb.Append('`');
                sb.Append(ch);
            }
            return sb.Append('"').ToString();
        }
        return "'" + value.Replace("'", "''").Replace("\u2018", "\u2018\u2018").Replace("\u2019", "\u2019\u2019") + "'";
    }

    /// <summary>"quality job" or "comparison job".</summary>
    public static string Describe(DqcRuleType kind) => DqcRuleTypes.Describe(kind);

    /// <summary>Orders numeric IDs as numbers (they all have up to 19 digits).</summary>
    public static int CompareIds(string a, string b)
    {
        int byLength = a.Length.CompareTo(b.Length);
        return byLength != 0 ? byLength : string.CompareOrdinal(a, b);
    }

    public static bool IsDigits(string word) => word.Length > 0 && word.All(ch => ch >= '0' && ch <= '9');

    private static bool IsQuote(char ch) => ch == '\'' || ch == '"' || (ch >= '\u2018' && ch <= '\u201E');
}

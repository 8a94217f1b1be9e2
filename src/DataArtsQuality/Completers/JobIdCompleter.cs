using System.Management.Automation;
using System.Management.Automation.Language;

namespace DataArtsQuality.Completers;

/// <summary>
/// Tab completion of job IDs (-RuleId, -Id, -JobId) from the service, through the connection's short-lived job
/// catalog. Digits complete IDs by prefix; any other word matches job names (prefix, or a wildcard pattern) and
/// completes to their IDs. The tooltip is the job's name. Which list (quality or comparison jobs) follows
/// -RuleType/-JobType when typed, else the command; -Connection when typed chooses the connection.
/// </summary>
public sealed class JobIdCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName,
        string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        string word = CompletionSupport.Unquote(wordToComplete, out _);
        var jobs = CompletionSupport.Jobs(commandName, fakeBoundParameters);
        IEnumerable<DqcJobName> matches;
        if (word.Length == 0 || CompletionSupport.IsDigits(word))
        {
            matches = jobs.Where(j => j.Id.StartsWith(word, StringComparison.Ordinal))
                .OrderBy(j => j.Id, Comparer<string>.Create(CompletionSupport.CompareIds));
        }
        else
        {
            var match = CompletionSupport.Matcher(word);
            matches = jobs.Where(j => match(j.Name)).OrderBy(j => j.Name, StringComparer.OrdinalIgnoreCase);
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var job in matches)
        {
            if (!seen.Add(job.Id)) continue;
            yield return new CompletionResult(job.Id, job.Id, CompletionResultType.ParameterValue,
                $"{(job.Name.Length > 0 ? job.Name : "(no name)")} ({CompletionSupport.Describe(job.RuleType)})");
        }
    }
}

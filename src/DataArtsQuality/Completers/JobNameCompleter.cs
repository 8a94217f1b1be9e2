using System.Management.Automation;
using System.Management.Automation.Language;

namespace DataArtsQuality.Completers;

/// <summary>
/// Tab completion of job names (-Name) from the service, through the connection's short-lived job catalog:
/// prefix, case-insensitive, or a wildcard pattern; names that need it are quoted. The tooltip gives the kind and
/// ID of the jobs of that name.
/// </summary>
public sealed class JobNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName,
        string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        string word = CompletionSupport.Unquote(wordToComplete, out char quote);
        var match = CompletionSupport.Matcher(word);
        var byName = CompletionSupport.Jobs(commandName, fakeBoundParameters)
            .Where(j => j.Name.Length > 0 && match(j.Name))
            .GroupBy(j => j.Name, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase);
        foreach (var group in byName)
        {
            string tip = string.Join("; ", group.Select(j => $"{CompletionSupport.Describe(j.RuleType)} {j.Id}"));
            yield return new CompletionResult(CompletionSupport.Quote(group.Key, quote), group.Key,
                CompletionResultType.ParameterValue,
                $"{group.Key}: {tip}");
        }
    }
}

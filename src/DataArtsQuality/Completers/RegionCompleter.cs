using System.Management.Automation;
using System.Management.Automation.Language;

namespace DataArtsQuality.Completers;

/// <summary>
/// Tab completion for -Region: the known DataArts Studio regions. Regions that start with the word come first
/// (case-insensitive, as PowerShell users expect), then those that contain it anywhere (so 'south' finds
/// ap-southeast-1); a word with wildcards matches as a pattern.
/// </summary>
public sealed class RegionCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName,
        string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        string word = CompletionSupport.Unquote(wordToComplete, out char quote);
        IEnumerable<string> matches;
        if (WildcardPattern.ContainsWildcardCharacters(word))
        {
            var match = CompletionSupport.Matcher(word);
            matches = DqcRegions.Known.Where(match);
        }
        else
        {
            matches = DqcRegions.Known.Where(r => r.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                .Concat(DqcRegions.Known.Where(r => !r.StartsWith(word, StringComparison.OrdinalIgnoreCase)
                    && r.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0));
        }
        return matches.Select(r => new CompletionResult(quote == '\0' ? r : CompletionSupport.Quote(r, quote), r,
            CompletionResultType.ParameterValue, $"{r}: https://dayu.{r}.myhuaweicloud.com"));
    }
}

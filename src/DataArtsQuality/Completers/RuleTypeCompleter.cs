using System.Management.Automation;

using System.Management.Automation.Language;

namespace DataArtsQuality.Completers;

/// <summary>Tab completion for -RuleType, which is a string so that bad values become per-item errors.</summary>
public sealed class RuleTypeCompleter : IArgumentCompleter
{
    private static readonly string[] Values = { "Quality", "Comparison" };

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName,
        string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        string word = CompletionSupport.Unquote(wordToComplete, out char quote);
        var match = CompletionSupport.Matcher(word);
        return Values
            .Where(v => match(v))
            .Select(v => new CompletionResult(quote == '\0' ? v : CompletionSupport.Quote(v, quote), v,
                CompletionResultType.ParameterValue,
                v == "Quality" ? "Quality job (rule_type 1)" : "Comparison job (rule_type 2)"));
    }
}

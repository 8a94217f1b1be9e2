using System.Management.Automation;
using System.Management.Automation.Language;

using DataArtsQuality.Session;

namespace DataArtsQuality.Completers;

/// <summary>Tab completion of connection names.</summary>
public sealed class ConnectionNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName,
        string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        string word = CompletionSupport.Unquote(wordToComplete, out char quote);
        return DqcSessionState.All
            .Where(c => c.Name.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .Select(c => new CompletionResult(CompletionSupport.Quote(c.Name, quote), c.Name,
                CompletionResultType.ParameterValue,
                $"{c.Name}: workspace {c.WorkspaceId} at {c.Endpoint.Host}"));
    }
}

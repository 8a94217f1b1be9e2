using System.Management.Automation;
using System.Management.Automation.Language;

namespace DataArtsQuality.Completers;

/// <summary>
/// Tab completion of instance IDs (-InstanceId) from the connection's recent instances, under the same memory and
/// time budget as job IDs. Digits complete IDs by prefix; any other word matches instance (job) names and completes
/// to their IDs. The tooltip is the name, the run status and the start time.
/// </summary>
public sealed class InstanceIdCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName,
        string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        string word = CompletionSupport.Unquote(wordToComplete, out _);
        var instances = CompletionSupport.Instances(fakeBoundParameters);
        IEnumerable<DqcInstanceName> matches;
        if (word.Length == 0 || CompletionSupport.IsDigits(word))
            matches = instances.Where(i => i.InstanceId.StartsWith(word, StringComparison.Ordinal));
        else
        {
            var match = CompletionSupport.Matcher(word);
            matches = instances.Where(i => match(i.Name));
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var instance in matches)
        {
            if (!seen.Add(instance.InstanceId)) continue;
            string when = instance.StartTime is DateTimeOffset t ? " " +
                t.LocalDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";
            yield return new CompletionResult(instance.InstanceId, instance.InstanceId,
                CompletionResultType.ParameterValue,
                $"{(instance.Name.Length > 0 ? instance.Name : "(no name)")}: {instance.RunStatus ?? "status unknown"}{when}");
        }
    }
}

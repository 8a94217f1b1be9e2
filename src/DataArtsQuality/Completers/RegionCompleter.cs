using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using DataArtsQuality.Client;

namespace DataArtsQuality.Completers
{
    /// <summary>Tab completion for -Region: the known DataArts Studio regions, matched anywhere in the ID (so 'south' finds ap-southeast-1).</summary>
    public sealed class RegionCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string word = (wordToComplete ?? "").Trim('\'', '"');
            return DqcRegions.Known
                .Where(r => r.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                .Select(r => new CompletionResult(r, r, CompletionResultType.ParameterValue, r));
        }
    }
}

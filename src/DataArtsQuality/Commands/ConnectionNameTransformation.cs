using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using DataArtsQuality.Client;
using DataArtsQuality.Models;
using DataArtsQuality.Session;

namespace DataArtsQuality.Commands
{
    /// <summary>Lets -Connection take a connection's name, its context object (DqcContextInfo) or the connection itself.</summary>
    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
    public sealed class ConnectionNameTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = inputData is PSObject pso ? pso.BaseObject : inputData;
            return value switch
            {
                null => null,
                string name => name,
                DqcContextInfo context => context.Name,
                DqcConnection connection => connection.Name,
                _ => throw new ArgumentTransformationMetadataException(
                    $"-Connection takes a connection name or the object Get-DqcContext returns, not a {value.GetType().Name}."),
            };
        }
    }

    /// <summary>Tab completion of connection names.</summary>
    public sealed class ConnectionNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string word = (wordToComplete ?? "").Trim('\'', '"');
            return DqcSessionState.All
                .Where(c => c.Name.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
                .Select(c => new CompletionResult(Quote(c.Name), c.Name, CompletionResultType.ParameterValue,
                    $"{c.Name}: workspace {c.WorkspaceId} at {c.Endpoint.Host}"));
        }

        private static string Quote(string name) => name.Any(ch => char.IsWhiteSpace(ch) || ch == '\'' || ch == '$') ? "'" + name.Replace("'", "''") + "'" : name;
    }
}

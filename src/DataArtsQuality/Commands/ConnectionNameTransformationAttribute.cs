using System.Management.Automation;
using System.Management.Automation.Language;

using DataArtsQuality.Session;

namespace DataArtsQuality.Commands;

/// <summary>Lets -Connection take a connection's name, its context object (DqcContextInfo) or the connection
/// itself.</summary>
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

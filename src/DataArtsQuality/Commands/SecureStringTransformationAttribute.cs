using System.Management.Automation;

using DataArtsQuality.Client.Auth;

namespace DataArtsQuality.Commands;

/// <summary>Lets a secret parameter take a SecureString or, for convenience in scripts, a plain string.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class SecureStringTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        object? value = inputData is PSObject pso ? pso.BaseObject : inputData;
        return value switch
        {
            null => null,
            SecureString secure => secure,
            string plain => SecretText.Protect(plain),
            _ => throw new ArgumentTransformationMetadataException(
                $"Expected a SecureString or a string, got {value.GetType().Name}."),
        };
    }
}

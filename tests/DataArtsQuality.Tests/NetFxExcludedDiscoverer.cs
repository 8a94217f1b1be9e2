using Xunit.Abstractions;
using Xunit.Sdk;

namespace DataArtsQuality.Tests;

/// <summary>Turns <see cref="NetFxExcludedAttribute"/> into the traits NetFx=Excluded and
/// NetFxReason=&lt;reason&gt;.</summary>
public sealed class NetFxExcludedDiscoverer : ITraitDiscoverer
{
    public const string Name = "NetFx";
    public const string Excluded = "Excluded";
    public const string ReasonName = "NetFxReason";

    public IEnumerable<KeyValuePair<string, string>> GetTraits(IAttributeInfo traitAttribute)
    {
        string reason = traitAttribute.GetConstructorArguments().FirstOrDefault() as string ?? "";
        // An exclusion without its reason is a mistake the lane should show, not hide.
        if (reason.Trim().Length == 0) throw new ArgumentException("[NetFxExcluded] needs a one-line reason.");
        return new[] { new KeyValuePair<string, string>(Name, Excluded),
            new KeyValuePair<string, string>(ReasonName, reason) };
    }
}

using Xunit.Sdk;

namespace DataArtsQuality.Tests;

/// <summary>
/// Marks a case that cannot run on a .NET Framework 4.x profile runtime (the Mono lane,
/// tests/DataArtsQuality.Tests.NetFx), with the one-line reason. The traits are NetFx=Excluded (what the lane filters
/// on: -notrait NetFx=Excluded) and NetFxReason=the reason, so the run's XML and the README list the same reasons. On
/// .NET the case runs as usual.
/// </summary>
[TraitDiscoverer("DataArtsQuality.Tests.NetFxExcludedDiscoverer", "DataArtsQuality.Tests")]
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false)]
public sealed class NetFxExcludedAttribute : Attribute, ITraitAttribute
{
    public NetFxExcludedAttribute(string reason) => Reason = reason;

    public string Reason { get; }
}

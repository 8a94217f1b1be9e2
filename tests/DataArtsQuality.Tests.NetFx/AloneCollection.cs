using Xunit;

namespace DataArtsQuality.Tests;

/// <summary>
/// Test classes that load the machine (64 requests at once, Mono's HttpWebRequest stack blocking pool threads) run
/// alone, after the others: beside them, timed cases elsewhere (a 400 ms grace, a read that must start) failed on
/// Mono, whose thread pool adds threads slowly.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "Mono: alone";
}

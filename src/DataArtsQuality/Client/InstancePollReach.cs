namespace DataArtsQuality.Client;

/// <summary>How far one poll's walk of the instance list went.</summary>
internal enum InstancePollReach
{
    /// <summary>To the end of the list: an instance it did not show is not in the window (yet).</summary>
    WholeList,

    /// <summary>It stopped once every waited instance was seen: the pages after it were not read.</summary>
    AllSeen,
}

namespace DataArtsQuality.Client;

/// <summary>What one poll of an <see cref="InstanceWait"/> found: one walk of the instance list.</summary>
internal sealed class InstancePoll
{
    private readonly HashSet<string> _seen;

    public InstancePoll(HashSet<string> seen, InstancePollReach reach, int requests)
    {
        _seen = seen;
        Reach = reach;
        Requests = requests;
    }

    /// <summary>How far the walk went: only a walk of the whole list shows an instance is not listed.</summary>
    public InstancePollReach Reach { get; }

    /// <summary>List requests the walk sent.</summary>
    public int Requests { get; }

    /// <summary>Waited instances the walk listed.</summary>
    public int SeenCount => _seen.Count;

    public bool Saw(string instanceId) => _seen.Contains(instanceId);
}

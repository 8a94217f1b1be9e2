namespace DataArtsQuality.Emulator.State;

/// <summary>A directory of the quality catalog; the tree hangs under the documented root "All".</summary>
public sealed class EmulatedCategory(long id, string name, string type)
{
    public long Id { get; } = id;
    public string Name { get; } = name;
    public string Type { get; } = type;
    public EmulatedCategory? Parent { get; private set; }
    public List<EmulatedCategory> Children { get; } = new();

    public EmulatedCategory Add(EmulatedCategory child)
    {
        child.Parent = this;
        Children.Add(child);
        return child;
    }

    public IEnumerable<EmulatedCategory> All() => new[] { this }.Concat(Children.SelectMany(c => c.All()));
}

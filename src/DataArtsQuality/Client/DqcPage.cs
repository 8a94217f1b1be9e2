namespace DataArtsQuality.Client;

/// <summary>One page as the service returned it: the filtered total and the records from the requested
/// offset.</summary>
internal sealed class DqcPage<T>
{
    public DqcPage(long count, IReadOnlyList<T> items)
    {
        Count = count;
        Items = items;
    }

    public long Count { get; }

    public IReadOnlyList<T> Items { get; }
}

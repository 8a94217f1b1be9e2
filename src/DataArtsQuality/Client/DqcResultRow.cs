namespace DataArtsQuality.Client;

/// <summary>One page of sub-rule results: the column names and the rows under them.</summary>
internal sealed class DqcResultRow
{
    public DqcResultRow(IReadOnlyList<string> header, IReadOnlyList<string?> values)
    {
        Header = header;
        Values = values;
    }

    public IReadOnlyList<string> Header { get; }
    public IReadOnlyList<string?> Values { get; }
}

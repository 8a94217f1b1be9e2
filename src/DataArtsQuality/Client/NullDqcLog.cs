namespace DataArtsQuality.Client;

/// <summary>A log that drops everything.</summary>
internal sealed class NullDqcLog : IDqcLog
{
    public static readonly NullDqcLog Instance = new NullDqcLog();

    public bool IsDebugEnabled => false;

    public bool IsVerboseEnabled => false;

    public void Verbose(string message) { }

    public void Debug(string message) { }
}

using DataArtsQuality.Client;

namespace DataArtsQuality.Tests;

internal sealed class ListLog : IDqcLog
{
    public List<string> Lines { get; } = new();
    public bool IsDebugEnabled { get; init; }
    public bool IsVerboseEnabled => true;
    public void Verbose(string message) { lock (Lines) Lines.Add("VERBOSE " + message); }
    public void Debug(string message) { lock (Lines) Lines.Add("DEBUG " + message); }
}

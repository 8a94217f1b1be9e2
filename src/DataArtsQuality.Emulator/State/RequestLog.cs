using System.Collections.Concurrent;

namespace DataArtsQuality.Emulator.State;

/// <summary>What the emulator was asked, for tests to read back through /_emulator/requests.</summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<LoggedRequest> _entries = new();
    private long _sequence;

    public LoggedRequest Add(string method, string path, string query, Dictionary<string, string> headers, string body)
    {
        var entry = new LoggedRequest(
            Interlocked.Increment(ref _sequence), DateTimeOffset.UtcNow, method, path, query, headers, body);
        _entries.Enqueue(entry);
        return entry;
    }

    public IReadOnlyList<LoggedRequest> Since(long sequence) => _entries.Where(e => e.Sequence > sequence).ToList();

    public void Clear() => _entries.Clear();
}

namespace DataArtsQuality.Tests;

/// <summary>A body that breaks after the headers arrived, as a connection reset mid-answer does.</summary>
internal sealed class BreakingStream : FaultyBodyStream
{
    public override int Read(byte[] buffer, int offset, int count)
        => throw new IOException("The connection was reset.");
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => Task.FromException<int>(new IOException("The connection was reset."));
#if !NETFRAMEWORK
    // .NET Framework's Stream has no Memory<byte> overload; its readers use the byte[] one above.
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        => ValueTask.FromException<int>(new IOException("The connection was reset."));
#endif
}

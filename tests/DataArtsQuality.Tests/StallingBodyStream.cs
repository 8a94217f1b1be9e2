namespace DataArtsQuality.Tests;

/// <summary>
/// A body whose bytes never come, as a server that sent its headers and went silent; ends only when disposed.
/// </summary>
internal sealed class StallingBodyStream : FaultyBodyStream
{
    private readonly TaskCompletionSource<int> _never = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override int Read(byte[] buffer, int offset, int count) => _never.Task.GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => _never.Task;
#if !NETFRAMEWORK
    // .NET Framework's Stream has no Memory<byte> overload; its readers use the byte[] one above.
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        => new(_never.Task);
#endif

    protected override void Dispose(bool disposing)
    {
        _never.TrySetException(new ObjectDisposedException(nameof(StallingBodyStream)));
        base.Dispose(disposing);
    }
}

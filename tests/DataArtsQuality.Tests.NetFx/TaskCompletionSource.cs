// .NET 5's non-generic TaskCompletionSource, for the shared test sources that gate on one (CompletionCacheTests):
// .NET Framework has only the generic one. Test-only; the module does not use it.
namespace System.Threading.Tasks
{
    internal sealed class TaskCompletionSource
    {
        private readonly TaskCompletionSource<object?> _inner;

        public TaskCompletionSource(TaskCreationOptions options) => _inner = new TaskCompletionSource<object?>(options);

        public Task Task => _inner.Task;

        public void SetResult() => _inner.SetResult(null);

        public bool TrySetResult() => _inner.TrySetResult(null);

        public bool TrySetCanceled() => _inner.TrySetCanceled();

        public bool TrySetException(Exception exception) => _inner.TrySetException(exception);
    }
}

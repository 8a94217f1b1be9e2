// .NET 6's Task.WaitAsync(CancellationToken), for the shared test sources: .NET Framework lacks it. Test-only.
namespace System.Threading.Tasks
{
    internal static class TaskWaitAsync
    {
        public static async Task WaitAsync(this Task task, CancellationToken cancellationToken)
        {
            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(() => cancelled.TrySetCanceled(cancellationToken)))
                await (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false)).ConfigureAwait(false);
        }
    }
}

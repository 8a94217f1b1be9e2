using System.Runtime.CompilerServices;
using DataArtsQuality.Client.Auth;

namespace DataArtsQuality.Client;

/// <summary>
/// A short memory of a connection's job lists (ID, name, kind) and recent instances, for Tab completion. One cache
/// per connection object, so a new Connect-DqcWorkspace (even under the same name) starts empty; each kind (Quality,
/// Comparison) and the instance list are listed once and kept for <see cref="Lifetime"/>.
/// <para>
/// Asking never takes longer than the caller's budget and never throws. A listing that is not done in time goes on
/// in the background (at most <see cref="BackgroundLimit"/>) and is kept for the next call; concurrent callers
/// share one listing. Listing requests make one attempt each (no retries), pass the connection's rate limiter, and
/// never log in: a password connection whose token is due for renewal gets no listing, and a 401 is not recovered.
/// </para>
/// </summary>
internal sealed class DqcCompletionCache
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(60);

    /// <summary>How long a listing may go on after the caller stopped waiting.</summary>
    public static readonly TimeSpan BackgroundLimit = TimeSpan.FromSeconds(30);

    /// <summary>At most this many jobs of a kind are listed (10 requests of 100).</summary>
    public const int MaxJobsPerKind = 1000;

    private static readonly ConditionalWeakTable<DqcConnection, DqcCompletionCache> Caches =
        new ConditionalWeakTable<DqcConnection, DqcCompletionCache>();

    private readonly DqcConnection _connection;
    private readonly Func<DateTimeOffset> _clock;
    private readonly object _gate = new object();
    private readonly Dictionary<DqcRuleType, Slot<DqcJobName>> _entries = new Dictionary<DqcRuleType, Slot<DqcJobName>>();
    private readonly Slot<DqcInstanceName> _instances = new Slot<DqcInstanceName>();

    /// <summary>A cache whose listings are used for <paramref name="lifetime"/> (null: <see
    /// cref="DefaultLifetime"/>).</summary>
    internal DqcCompletionCache(DqcConnection connection, Func<DateTimeOffset>? clock = null, TimeSpan? lifetime = null)
    {
        _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        _clock = clock ?? (() => DateTimeOffset.UtcNow);
        Lifetime = lifetime ?? DefaultLifetime;
    }

    /// <summary>The cache of a connection (made on first use, with the default lifetime).</summary>
    public static DqcCompletionCache For(DqcConnection connection) =>
        Caches.GetValue(connection, c => new DqcCompletionCache(c, lifetime: DefaultLifetime));

    /// <summary>How long a listing is used before it is asked for again.</summary>
    public TimeSpan Lifetime { get; }

    /// <summary>How many listings were started (each is one or more requests).</summary>
    public int ListingsStarted { get; private set; }

    /// <summary>
    /// True when a request can be sent on this connection without logging in first: it has a workspace, and a
    /// password login's token is not yet due for renewal.
    /// </summary>
    public static bool CanAuthenticateQuietly(DqcConnection connection) =>
        connection.WorkspaceId.Length > 0
        && !(connection.Authenticator is IamPasswordAuthenticator password && !password.CanAuthenticateWithoutLogin);

    /// <summary>
    /// The jobs of <paramref name="kind"/>: remembered if listed less than <see cref="Lifetime"/> ago, else listed
    /// now, waiting at most <paramref name="budget"/>. Null when the list is not there in time, when listing
    /// failed, or when it would need a login.
    /// </summary>
    public IReadOnlyList<DqcJobName>? TryGet(DqcRuleType kind, TimeSpan budget)
    {
        Slot<DqcJobName> slot;
        lock (_gate)
        {
            if (!_entries.TryGetValue(kind, out slot!))
                _entries[kind] = slot = new Slot<DqcJobName>();
        }
        return TryGet(slot, () => ListAsync(kind), budget);
    }

    /// <summary>
    /// The most recent instances (at most <see cref="MaxInstances"/>, one request), under the same memory and
    /// budget as the jobs: for completing instance IDs.
    /// </summary>
    public IReadOnlyList<DqcInstanceName>? TryGetInstances(TimeSpan budget)
        => TryGet(_instances, ListInstancesAsync, budget);

    /// <summary>How many recent instances are listed for completion (one request).</summary>
    public const int MaxInstances = 100;

    private IReadOnlyList<T>? TryGet<T>(Slot<T> entry, Func<Task<IReadOnlyList<T>>> list, TimeSpan budget)
    {
        Task<Listing<T>> task;
        lock (_gate)
        {
            // A listing can complete (and wake a waiter) before its Finish continuation has run: settle it here so
            // a caller right after a failure starts a new listing instead of seeing the finished one as pending.
            if (entry.Pending is { IsCompleted: true } done) Settle(entry, done);
            if (entry.Items != null && _clock() - entry.ListedAt < Lifetime)
                return entry.Items;
            entry.Items = null;
            if (entry.Pending is null)
            {
                if (!CanAuthenticateQuietly(_connection)) return null;
                ListingsStarted++;
                // The listing notes when it finished: the lifetime counts from then, not from whichever caller
                // settles it (the first caller often returns before the continuation below has run).
                var pending = Task.Run(async () => new Listing<T>(await list().ConfigureAwait(false), _clock()));
                entry.Pending = pending;
                // A listing that is already done runs Finish inline here, which clears entry.Pending: keep our own.
                pending.ContinueWith(t => Finish(entry, t), CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                task = pending;
            }
            else task = entry.Pending;
        }
        try
        {
            if (budget > TimeSpan.Zero ? !task.Wait(budget) : !task.IsCompleted) return null;
        }
        catch (AggregateException)
        {
            return null;
        }
        return task.Status == TaskStatus.RanToCompletion ? task.Result.Items : null;
    }

    /// <summary>Forgets what was listed, so the next call asks the service (after jobs were added or
    /// removed).</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            // A listing in flight started before the change: let it finish unowned (Finish ignores it) rather than
            // put back what was just removed.
            foreach (var entry in _entries.Values) { entry.Items = null; entry.Pending = null; }
            _instances.Items = null;
            _instances.Pending = null;
        }
    }

    private void Finish<T>(Slot<T> entry, Task<Listing<T>> task)
    {
        _ = task.Exception;   // observed: a failed listing only means no completion
        lock (_gate)
        {
            if (ReferenceEquals(entry.Pending, task)) Settle(entry, task);
        }
    }

    /// <summary>Takes a finished listing out of Pending and keeps its items if it succeeded. Call under the
    /// lock.</summary>
    private static void Settle<T>(Slot<T> entry, Task<Listing<T>> task)
    {
        entry.Pending = null;
        if (task.Status == TaskStatus.RanToCompletion)
        {
            entry.Items = task.Result.Items;
            entry.ListedAt = task.Result.FinishedAt;
        }
    }

    /// <summary>A client for background listings: one attempt each, bounded in time, never logging in.</summary>
    private DqcClient QuietClient()
    {
        var settings = _connection.Settings.Clone();
        settings.MaximumRetryCount = 0;
        settings.TimeoutSec = Math.Min(settings.TimeoutSec, BackgroundLimit.TotalSeconds);
        return new DqcClient(_connection) { SettingsOverride = settings, AllowCredentialRenewal = false };
    }

    private async Task<IReadOnlyList<DqcJobName>> ListAsync(DqcRuleType kind)
    {
        using var limit = new CancellationTokenSource(BackgroundLimit);
        var client = QuietClient();
        var pager = client.ListJobs(kind, null, 0, MaxJobsPerKind);
        var jobs = new List<DqcJobName>();
        while (true)
        {
            // A long listing could reach the token's renewal time: stop rather than log in.
            if (!CanAuthenticateQuietly(_connection))
                throw new InvalidOperationException(
                    "The connection's credential needs a login; Tab completion does not log in.");
            var page = await pager.NextPageAsync(limit.Token).ConfigureAwait(false);
            if (page is null) break;
            foreach (var job in page)
            {
                if (job.Id.Length > 0) jobs.Add(new DqcJobName(job.Id, job.Name, kind));
            }
        }
        return jobs;
    }

    private async Task<IReadOnlyList<DqcInstanceName>> ListInstancesAsync()
    {
        using var limit = new CancellationTokenSource(BackgroundLimit);
        var pager = QuietClient().ListInstances(null, 0, MaxInstances);
        var instances = new List<DqcInstanceName>();
        var page = await pager.NextPageAsync(limit.Token).ConfigureAwait(false);
        foreach (var instance in page ?? Array.Empty<DqcInstance>())
        {
            if (instance.InstanceId.Length > 0)
                instances.Add(
                    new DqcInstanceName(instance.InstanceId, instance.Name ?? "", instance.RunStatus,
                        instance.StartTime ?? instance.SubmittedAt));
        }
        return instances;
    }

    private sealed class Slot<T>
    {
        public IReadOnlyList<T>? Items;
        public DateTimeOffset ListedAt;
        public Task<Listing<T>>? Pending;
    }

    private sealed record Listing<T>(IReadOnlyList<T> Items, DateTimeOffset FinishedAt);
}

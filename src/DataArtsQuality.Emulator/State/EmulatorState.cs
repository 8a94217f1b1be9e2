namespace DataArtsQuality.Emulator.State;

/// <summary>Everything the emulator remembers. All access to tenants goes through <see cref="Lock"/>.</summary>
public sealed class EmulatorState
{
    /// <summary>
    /// Seeded job IDs the docs and tests use. All exceed 2^53 and end in non-zero digits, so any rounding shows.
    /// </summary>
    public static readonly long[] FixedQualityJobs = { 1440764172232392705, 1283480044387540993, 1279033542491521025 };
    public static readonly long[] FixedComparisonJobs = { 1012386182149165057, 1497195981236936705 };

    /// <summary>A second workspace of the same project, for tests that work on two workspaces.</summary>
    public const string SecondWorkspaceId = "7a1c9e2b5d3f4a6b8c0d1e2f3a4b5c6d";

    private static readonly string[] Subjects =
    {
        "orders", "customers", "payments", "shipments", "inventory", "invoices", "sessions", "products", "refunds",
        "ledger",
    };
    private static readonly string[] Checks =
    {
        "null_check", "uniqueness", "row_count", "freshness", "range_check", "regex_check", "referential", "duplicates",
    };

    // Each emulator starts its IDs at its own random point, as the real service's IDs are unique across projects and
    // workspaces: a test process that starts several emulators keeps one record of reruns (Get-DqcRerun), and an ID
    // issued by two emulators would look like a run the module already knows. Still 19 digits, above 2^53.
    private long _lastId = 1500000000000000001 + Random.Shared.Next(1, int.MaxValue) * 1000L;

    public EmulatorState(EmulatorOptions options)
    {
        Options = options;
        Reset();
    }

    public EmulatorOptions Options { get; }

    public object Lock { get; } = new();

    public Dictionary<string, Tenant> Tenants { get; } = new(StringComparer.Ordinal);

    public RequestLog Requests { get; } = new();

    /// <summary>Answer shapes tests switch on (/_emulator/shape). Guarded by <see cref="Lock"/>.</summary>
    public WireShape Shape { get; private set; } = new();

    public static long NowMs() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    /// <summary>19-digit, strictly increasing, never a round number.</summary>
    public long NextId() => Interlocked.Add(ref _lastId, 7919);

    /// <summary>Back to the seeded jobs and history; the request log is cleared too.</summary>
    public void Reset()
    {
        lock (Lock)
        {
            Tenants.Clear();
            Shape = new WireShape();
            var main = new Tenant(Options.ProjectId, Options.WorkspaceId);
            if (Options.QualityJobSeed is not null || Options.ComparisonJobSeed is not null)
            {
                SeedFrom(main, Options.QualityJobSeed ?? Array.Empty<JobSeed>(),
                    Options.ComparisonJobSeed ?? Array.Empty<JobSeed>());
            }
            else
                Seed(main, Options.QualityJobs, Options.ComparisonJobs, withFixed: true);
            Tenants[main.WorkspaceId] = main;
            var second = new Tenant(Options.ProjectId, SecondWorkspaceId);
            Seed(second, 5, 2, withFixed: false);
            Tenants[second.WorkspaceId] = second;
        }
        Requests.Clear();
    }

    public Tenant? FindTenant(string workspaceId)
    {
        lock (Lock) return Tenants.TryGetValue(workspaceId, out var t) ? t : null;
    }

    /// <summary>
    /// The tenant of a workspace; of the main workspace when none is named (the control endpoints' ?workspace=).
    /// </summary>
    public Tenant? FindTenantOrMain(string? workspaceId) => FindTenant(workspaceId ?? Options.WorkspaceId);

    /// <summary>
    /// Moves RUNNING instances whose time has come to their outcome. Call under the lock before reading.
    /// </summary>
    public void Advance(Tenant tenant)
    {
        long now = NowMs();
        foreach (var instance in tenant.Instances)
        {
            if (instance.RunStatus == "SUSPENDING" && instance.RunningAt <= now)
                instance.RunStatus = "RUNNING";
            if (instance.RunStatus == "RUNNING" && instance.FinishAt <= now)
            {
                instance.RunStatus = instance.Outcome;
                instance.EndTime = instance.FinishAt;
                instance.NotifyStatus = instance.Outcome == "SUCCESS" ? "NOT_TRIGGERED" : "SUCCESS";
            }
        }
    }

    /// <summary>Starts a run of a job (ReStartTask). Call under the lock.</summary>
    public EmulatedInstance StartRun(Tenant tenant, EmulatedJob job)
    {
        long now = NowMs();
        long running = now + Shape.SuspendingMilliseconds;
        var instance = new EmulatedInstance
        {
            Id = NextId(),
            Name = $"{job.Name}-{job.RunCount++}",
            TaskId = job.Id,
            Kind = job.Kind,
            RunStatus = Shape.SuspendingMilliseconds > 0 ? "SUSPENDING" : "RUNNING",
            StartTime = now,
            RunningAt = running,
            FinishAt = running + Options.InstanceRunMilliseconds,
            Outcome = Options.FinalStatus ?? job.Outcome,
        };
        job.LastRunTime = now;
        tenant.AddInstance(instance);
        return instance;
    }

    /// <summary>
    /// The sample's fixed job IDs of a kind, or with a seed the IDs of the main workspace's first jobs, as strings.
    /// </summary>
    public IReadOnlyList<string> FirstJobIds(JobKind kind, int count)
    {
        if (Options.QualityJobSeed is null && Options.ComparisonJobSeed is null)
            return (kind == JobKind.Quality ? FixedQualityJobs : FixedComparisonJobs)
                .Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList();
        var tenant = FindTenant(Options.WorkspaceId);
        if (tenant is null) return Array.Empty<string>();
        lock (Lock)
            return tenant.Jobs.Where(j => j.Kind == kind).Take(count)
                .Select(j => j.Id.ToString(CultureInfo.InvariantCulture)).ToList();
    }

    /// <summary>
    /// The user's jobs in file order, each with its finished history (runs 30 minutes apart, the last starting 30
    /// minutes ago).
    /// </summary>
    private void SeedFrom(Tenant tenant, IReadOnlyList<JobSeed> quality, IReadOnlyList<JobSeed> comparison)
    {
        long now = NowMs();
        foreach (var (seeds, kind) in new[] { (quality, JobKind.Quality), (comparison, JobKind.Comparison) })
        {
            foreach (var seed in seeds)
            {
                var job = seed.ToJob(kind, now);
                tenant.AddJob(job);
                for (int i = 0; i < seed.History.Count; i++)
                {
                    long start = now - (seed.History.Count - i) * 30 * 60_000L;
                    AddFinished(tenant, job, start, seed.History[i]);
                }
            }
        }
        tenant.Instances.Sort((a, b) => a.StartTime.CompareTo(b.StartTime));
    }

    private void AddFinished(Tenant tenant, EmulatedJob job, long start, string outcome)
    {
        var instance = new EmulatedInstance
        {
            Id = NextId(),
            Name = $"{job.Name}-{job.RunCount++}",
            TaskId = job.Id,
            Kind = job.Kind,
            StartTime = start,
            FinishAt = start + 95_000,
            EndTime = start + 95_000,
            Outcome = outcome,
            RunStatus = outcome,
            NotifyStatus = outcome == "SUCCESS" ? "NOT_TRIGGERED" : "SUCCESS",
        };
        job.LastRunTime = start;
        tenant.AddInstance(instance);
    }

    private void Seed(Tenant tenant, int qualityJobs, int comparisonJobs, bool withFixed)
    {
        long now = NowMs();
        var random = new Random(tenant.WorkspaceId.GetHashCode(StringComparison.Ordinal) & 0x7fffffff);
        long qualityBase = withFixed ? 1441000000000000001 : 1442000000000000003;
        long comparisonBase = withFixed ? 1498000000000000003 : 1499000000000000007;

        for (int i = 0; i < qualityJobs; i++)
        {
            long id = withFixed && i < FixedQualityJobs.Length ? FixedQualityJobs[i] : qualityBase + i * 104729L;
            tenant.AddJob(MakeJob(id, JobKind.Quality, i, now, random));
        }
        for (int i = 0; i < comparisonJobs; i++)
        {
            long id = withFixed && i < FixedComparisonJobs.Length
                ? FixedComparisonJobs[i] : comparisonBase + i * 104723L;
            tenant.AddJob(MakeJob(id, JobKind.Comparison, i, now, random));
        }

        // A day of finished history for some jobs, so instance lists and "re-run what failed" have something to find.
        foreach (var job in tenant.Jobs.Where((_, index) => index % 4 == 0).ToList())
        {
            long start = now - random.Next(10, 20 * 60) * 60_000L;
            AddFinished(tenant, job, start, job.Outcome);
        }
        tenant.Instances.Sort((a, b) => a.StartTime.CompareTo(b.StartTime));
    }

    private static EmulatedJob MakeJob(long id, JobKind kind, int index, long now, Random random)
    {
        string subject = Subjects[index % Subjects.Length];
        string check = Checks[(index / Subjects.Length) % Checks.Length];
        string prefix = kind == JobKind.Quality ? "dq" : "cmp";
        string[] statuses = { "NOT_START", "SCHEDULING", "SCHEDULING", "FINISH_SUCCESS", "KILL", "RUNNING_EXCEPTION" };
        string[] periods = { "DAY", "HOUR", "WEEK", "MINUTE" };
        string status = statuses[index % statuses.Length];
        bool periodic = status != "NOT_START";
        string? period = periodic ? periods[index % periods.Length] : null;
        return new EmulatedJob
        {
            Id = id,
            Kind = kind,
            Name = $"{prefix}_{subject}_{check}_{index:000}",
            CategoryId = index % 3 == 0 ? 0 : 1012384968858652701,
            ScheduleStatus = status,
            SchedulePeriod = period,
            ScheduleInterval = period == "WEEK" ? "MONDAY,THURSDAY" : period != null ? "1" : null,
            CreateTime = now - (400 - index % 400) * 86_400_000L - random.Next(0, 86_400_000),
            Creator = index % 5 == 0 ? "data_ops" : "ei",
            Level = DqcValues.Levels[index % DqcValues.Levels.Length],
            // Deterministic outcomes: the fixed jobs cover each case, then every 5th fails and every 7th alarms.
            Outcome = id == 1283480044387540993 ? "FAILED"
                : id == 1279033542491521025 ? "ALARMING"
                : id == 1440764172232392705 ? "SUCCESS"
                : index % 5 == 1 ? "FAILED" : index % 7 == 2 ? "ALARMING" : "SUCCESS",
        };
    }
}

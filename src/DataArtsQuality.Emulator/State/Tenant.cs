namespace DataArtsQuality.Emulator.State;

/// <summary>
/// One (project, workspace) pair, the tenancy key of every DQC call, and everything the workspace holds.
/// /_emulator/reset makes new tenants, so all of it starts over. Guarded by the state's lock.
/// </summary>
public sealed class Tenant
{
    public Tenant(string projectId, string workspaceId)
    {
        ProjectId = projectId;
        WorkspaceId = workspaceId;
    }

    public string ProjectId { get; }
    public string WorkspaceId { get; }

    /// <summary>Jobs in insertion order (lists page in this order).</summary>
    public List<EmulatedJob> Jobs { get; } = new();
    public Dictionary<long, EmulatedJob> JobsById { get; } = new();

    /// <summary>Instances, newest last.</summary>
    public List<EmulatedInstance> Instances { get; } = new();
    public Dictionary<long, EmulatedInstance> InstancesById { get; } = new();

    /// <summary>The catalog's directory tree, under the documented root "All".</summary>
    public EmulatedCategory Categories { get; } = CatalogSeed.Categories();

    public List<EmulatedTemplate> Templates { get; } = CatalogSeed.Templates();

    /// <summary>Import and export tasks by resource_id.</summary>
    public Dictionary<string, ResourceTask> ResourceTasks { get; } = new(StringComparer.Ordinal);

    /// <summary>The handling records written to instances (PUT /instances/{id}), as sent.</summary>
    public List<(long InstanceId, string Body)> InstanceRecords { get; } = new();

    public ReportData Reports { get; } = new();

    public void AddJob(EmulatedJob job)
    {
        Jobs.Add(job);
        JobsById[job.Id] = job;
    }

    /// <summary>
    /// The job with this ID when it is of this kind; a job of the other kind does not exist for the caller.
    /// </summary>
    public EmulatedJob? FindJob(long id, JobKind kind) =>
        JobsById.TryGetValue(id, out var job) && job.Kind == kind ? job : null;

    public void RemoveJob(long id)
    {
        Jobs.Remove(JobsById[id]);
        JobsById.Remove(id);
    }

    public void AddInstance(EmulatedInstance instance)
    {
        Instances.Add(instance);
        InstancesById[instance.Id] = instance;
    }
}

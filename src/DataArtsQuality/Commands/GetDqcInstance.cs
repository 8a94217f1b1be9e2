using System.Management.Automation;
using DataArtsQuality.Completers;

namespace DataArtsQuality.Commands;

/// <summary>
/// Lists runs of quality and comparison jobs (ListInstances). -JobId and -InstanceId are filtered here, because the
/// API has neither filter nor a get-one call: the search covers a time window (-After, by default the last day)
/// and, for -InstanceId, stops as soon as every requested instance was found.
/// </summary>
[Cmdlet(VerbsCommon.Get, "DqcInstance", SupportsPaging = true)]
[OutputType(typeof(DqcInstance))]
public sealed class GetDqcInstance : DqcCmdlet
{
    private static readonly TimeSpan DefaultLookBack = TimeSpan.FromDays(1);

    private readonly List<string> _instanceIds = new List<string>();
    private bool _sawInvalidInstanceId;

    /// <summary>Only runs of jobs whose name matches (the service's name filter).</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(JobNameCompleter))]
    public string? Name { get; set; }

    /// <summary>Quality or Comparison (task_type QUALITY_TASK / CONSISTENCY_TASK).</summary>
    [Parameter]
    [Alias("RuleType")]
    public DqcRuleType JobType { get; set; }

    [Parameter]
    [ValidateSet("RUNNING", "FAILED", "ALARMING", "SUCCESS", "SUSPENDING", "UNKNOWN")]
    public string? RunStatus { get; set; }

    [Parameter]
    [ValidateSet("NOT_TRIGGERED", "SUCCESS", "FAILED")]
    public string? NotifyStatus { get; set; }

    /// <summary>Only runs that started at or after this time.</summary>
    [Parameter]
    public DateTime After { get; set; }

    /// <summary>Only runs that started at or before this time.</summary>
    [Parameter]
    public DateTime Before { get; set; }

    /// <summary>Only runs of these jobs (filtered on the client).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(JobIdCompleter))]
    public DqcId[]? JobId { get; set; }

    /// <summary>Only these instances (filtered on the client); from the pipeline by property name.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    [ArgumentCompleter(typeof(InstanceIdCompleter))]
    public DqcId[]? InstanceId { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var id in InstanceId ?? Array.Empty<DqcId>())
        {
            if (!AcceptId(id, "instance ID", out var checkedId))
            {
                _sawInvalidInstanceId = true;
                continue;
            }
            if (!_instanceIds.Contains(checkedId.Value)) _instanceIds.Add(checkedId.Value);
        }
    }

    protected override void EndProcessing()
    {
        // Every ID given was refused: listing everything instead would be wrong.
        if (_sawInvalidInstanceId && _instanceIds.Count == 0) return;

        var jobIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in JobId ?? Array.Empty<DqcId>())
        {
            if (!AcceptId(id, "job ID", out var jobId)) return;
            jobIds.Add(jobId.Value);
        }

        var bound = MyInvocation.BoundParameters;
        bool clientFilter = jobIds.Count > 0 || _instanceIds.Count > 0;
        var query = new DqcInstanceQuery
        {
            Name = Name,
            JobType = bound.ContainsKey(nameof(JobType)) ? JobType : null,
            RunStatus = RunStatus,
            NotifyStatus = NotifyStatus,
            After = bound.ContainsKey(nameof(After)) ? DqcTime.FromDateTime(After)
                : clientFilter ? DateTimeOffset.Now - DefaultLookBack : null,
            Before = bound.ContainsKey(nameof(Before)) ? DqcTime.FromDateTime(Before) : null,
        };

        var wanted = new HashSet<string>(_instanceIds, StringComparer.Ordinal);
        var found = new HashSet<string>(StringComparer.Ordinal);
        Func<DqcInstance, bool>? filter = null;
        if (clientFilter)
        {
            filter = i => (jobIds.Count == 0 || jobIds.Contains(i.RuleId))
                && (wanted.Count == 0 || (wanted.Contains(i.InstanceId) && found.Add(i.InstanceId)));
        }

        var pages = new PageWriter(this);
        var pager = Client.ListInstances(query, pages.Skip, pages.First, filter);
        pager.StopCondition = () => wanted.Count > 0 && found.Count == wanted.Count;
        // Report missing IDs only after a complete search of the window (not after -First or a failed request).
        if (!pages.Write(pager, "instances", null, totalIsExact: !clientFilter) || !pager.Exhausted) return;
        foreach (string id in _instanceIds)
        {
            if (found.Contains(id)) continue;
            string since = query.After.HasValue ? query.After.Value.ToString("yyyy-MM-dd HH:mm:ss zzz",
                CultureInfo.InvariantCulture) : "the beginning";
            string message = $"Instance {id} was not found among the instances started since {since}" +
                (jobIds.Count > 0 || query.RunStatus != null || query.Name != null || query.JobType != null || query.NotifyStatus != null ? " that match the other filters" : "") +
                ". Use -After to search further back.";
            WriteError(
                ErrorRecords.Create(new ItemNotFoundException(message), "DqcInstanceNotFound",
                    ErrorCategory.ObjectNotFound, id));
        }
    }
}

using System.Management.Automation;
using DataArtsQuality.Completers;

namespace DataArtsQuality.Commands;

/// <summary>
/// Get-DqcJob and Get-DqcComparisonJob: the same filters and paging over ListQualityTask / ListConsistencyTask,
/// and the detail (with sub-rules) for IDs given with -Id or from the pipeline.
/// </summary>
public abstract class DqcJobListCmdlet : DqcCmdlet
{
    protected const string ListSet = "List";
    protected const string ByIdSet = "ById";

    /// <summary>Job IDs whose detail to get, from the pipeline as strings or as objects with Id/JobId/RuleId.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByIdSet, ValueFromPipeline = true,
        ValueFromPipelineByPropertyName = true)]
    [Alias("JobId", "RuleId")]
    [ArgumentCompleter(typeof(JobIdCompleter))]
    [AllowNull]
    public DqcId[]? Id { get; set; }

    /// <summary>Only jobs whose name matches (the service's name filter).</summary>
    [Parameter(Position = 0, ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(JobNameCompleter))]
    public string? Name { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNull]
    public DqcId? CategoryId { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [ValidateSet("UNKNOWN", "NOT_START", "SCHEDULING", "FINISH_SUCCESS", "KILL", "RUNNING_EXCEPTION")]
    public string? ScheduleStatus { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    public string? Creator { get; set; }

    /// <summary>Only jobs whose last run started at or after this time.</summary>
    [Parameter(ParameterSetName = ListSet)]
    public DateTime LastRunAfter { get; set; }

    /// <summary>Only jobs whose last run started at or before this time.</summary>
    [Parameter(ParameterSetName = ListSet)]
    public DateTime LastRunBefore { get; set; }

    protected abstract DqcRuleType JobKind { get; }

    protected override void ProcessRecord()
    {
        string what = DqcRuleTypes.Describe(JobKind);
        if (ParameterSetName == ByIdSet)
        {
            foreach (var id in Id ?? Array.Empty<DqcId>())
                WriteDetail(id ?? new DqcId((string?)null), what);
            return;
        }

        if (CategoryId != null && !AcceptId(CategoryId, "category ID", out _)) return;
        var query = new DqcJobQuery
        {
            Name = Name,
            CategoryId = CategoryId?.Value,
            ScheduleStatus = ScheduleStatus,
            Creator = Creator,
            LastRunAfter = MyInvocation.BoundParameters.ContainsKey(nameof(LastRunAfter)) ? DqcTime.FromDateTime(
                LastRunAfter) : null,
            LastRunBefore = MyInvocation.BoundParameters.ContainsKey(nameof(LastRunBefore)) ? DqcTime.FromDateTime(
                LastRunBefore) : null,
        };
        var pages = new PageWriter(this);
        pages.Write(Client.ListJobs(JobKind, query, pages.Skip, pages.First), what + "s", null);
    }

    private void WriteDetail(DqcId id, string what)
    {
        if (!AcceptId(id, what + " ID", out _)) return;
        try
        {
            WriteObject(Run(ct => Client.GetJobAsync(JobKind, id.Value, ct)));
        }
        catch (DqcException ex)
        {
            WriteItemError(ex, $"Could not get {what} {id.Value}", id.Value);
        }
    }
}

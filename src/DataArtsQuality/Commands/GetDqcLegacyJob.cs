using System.Management.Automation;
using DataArtsQuality.Completers;

namespace DataArtsQuality.Commands;

/// <summary>
/// ListQualityTaskLists, the v1 quality-job list (GET /v1/{project_id}/quality/rules). A cmdlet of its own, not a
/// switch on Get-DqcJob: its filters (integer statuses, result status, month period, yyyy-MM-dd HH:mm:ss windows)
/// and its records (string IDs, ISO times, no category or period) differ from v2's.
/// </summary>
[Cmdlet(VerbsCommon.Get, "DqcLegacyJob", SupportsPaging = true)]
[OutputType(typeof(DqcLegacyJob))]
public sealed class GetDqcLegacyJob : DqcCmdlet
{
    [Parameter(Position = 0)]
    [ArgumentCompleter(typeof(JobNameCompleter))]
    public string? Name { get; set; }

    [Parameter]
    public DqcId? CategoryId { get; set; }

    [Parameter]
    [ValidateSet("NotStarted", "Scheduling", "Finished", "Stopped", "Abnormal")]
    public string? ScheduleStatus { get; set; }

    [Parameter]
    [ValidateSet("Minute", "Hour", "Day", "Week", "Month")]
    public string? SchedulePeriod { get; set; }

    [Parameter]
    [ValidateSet("Running", "Abnormal", "Alarm", "Normal")]
    public string? ResultStatus { get; set; }

    [Parameter]
    public DateTime After { get; set; }

    [Parameter]
    public DateTime Before { get; set; }

    protected override void EndProcessing()
    {
        if (CategoryId != null && !AcceptId(CategoryId, "category ID", out _)) return;
        var query = new DqcLegacyJobQuery
        {
            Name = Name,
            CategoryId = CategoryId?.Value,
            ScheduleStatus = Code(ScheduleStatus, DqcClient.LegacyScheduleStatuses, 1),
            SchedulePeriod = Code(SchedulePeriod, DqcClient.LegacySchedulePeriods, 1),
            ResultStatus = Code(ResultStatus, DqcClient.LegacyResultStatuses, 0),
            After = MyInvocation.BoundParameters.ContainsKey(nameof(After)) ? DqcTime.FromDateTime(After) : null,
            Before = MyInvocation.BoundParameters.ContainsKey(nameof(Before)) ? DqcTime.FromDateTime(Before) : null,
        };
        var pages = new PageWriter(this);
        pages.Write(Client.ListLegacyJobs(query, pages.Skip, pages.First), "quality jobs (v1)", null);
    }

    private static int? Code(string? name, string[] names, int first)
    {
        if (name is null) return null;
        int i = Array.FindIndex(names, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        return i < 0 ? null : i + first;
    }
}

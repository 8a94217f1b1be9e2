namespace DataArtsQuality.Models;

/// <summary>A DataArts Studio workspace of an instance, as Get-DqcWorkspace lists it.</summary>
public sealed class DqcWorkspace
{
    /// <summary>The workspace ID: what Connect-DqcWorkspace -WorkspaceId takes and DQC calls send as the workspace
    /// header.</summary>
    public string WorkspaceId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>Private, Default or Public (is_default 0, 1, 2); the number itself when it is another value.</summary>
    public string Kind { get; set; } = "";
    public string? Owner { get; set; }
    public int? MemberCount { get; set; }
    public string? InstanceId { get; set; }
    public string? ProjectId { get; set; }
    public string? EnterpriseProjectId { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    /// <summary>The OBS path for DLI dirty data (bad_record_location_name); empty when none is set.</summary>
    public string? BadRecordLocationName { get; set; }
    /// <summary>The OBS path for job logs (job_log_location_name); empty when none is set.</summary>
    public string? JobLogLocationName { get; set; }
}

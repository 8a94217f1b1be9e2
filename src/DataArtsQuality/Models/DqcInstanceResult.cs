namespace DataArtsQuality.Models;

/// <summary>The result of one sub-rule in one run (ShowInstanceResult's SubInstanceResult).</summary>
public sealed class DqcInstanceResult
{
    /// <summary>The run this result belongs to.</summary>
    public string InstanceId { get; set; } = "";

    public string? SubRuleId { get; set; }

    /// <summary>The sub-rule's own instance ID (sub_instance_instance_id).</summary>
    public string? SubInstanceId { get; set; }

    /// <summary>UNSUPPORTED, READY, RUNNING, FAILED or SUCCESS.</summary>
    public string? AbnormalTableStatus { get; set; }

    /// <summary>
    /// The result rows. Their keys depend on the rule template (e.g. "Total Rows", "Status", "Name"); values are
    /// text as the service sends them.
    /// </summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string?>> Results { get; set; } = new List<IReadOnlyDictionary<string, string?>>();

    /// <summary>The rows on one line, for the table view: "Total Rows=4, Status=false; ...".</summary>
    public string Summary
        => string.Join("; ", Results.Select(r => string.Join(", ", r.Select(p => p.Key + "=" + p.Value))));

    public override string ToString() => SubRuleId ?? InstanceId;
}

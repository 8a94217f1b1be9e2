namespace DataArtsQuality.Client.Reruns;

/// <summary>
/// One rerun a cmdlet is about to send: what it knows before the send, and the record made when its request goes on
/// the wire (<see cref="DqcRerunBatch"/>). A request that never went (cancelled while it waited for the rate limit,
/// refused before sending) has no record: it reached nothing and is reported as the error it ended with.
/// </summary>
internal sealed class DqcRerunTicket
{
    public DqcRerunTicket(string ruleId, DqcRuleType ruleType, string? jobName)
    {
        RuleId = ruleId;
        RuleType = ruleType;
        JobName = jobName;
    }

    public string RuleId { get; }

    public DqcRuleType RuleType { get; }

    public string? JobName { get; }

    /// <summary>The record, once the request went on the wire; set once, under the batch's lock.</summary>
    public DqcRerun? Record { get; internal set; }
}

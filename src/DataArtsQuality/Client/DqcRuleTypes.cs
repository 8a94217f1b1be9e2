namespace DataArtsQuality.Client;

/// <summary>Reads a rule type in any of the spellings the API and users use.</summary>
internal static class DqcRuleTypes
{
    /// <summary>
    /// Accepts Quality/Comparison (any case), 1/2 as text or number, and the instance list's task_type values
    /// QUALITY_TASK/CONSISTENCY_TASK, so instance objects from the API bind without translation.
    /// </summary>
    public static bool TryParse(object? value, out DqcRuleType ruleType)
    {
        ruleType = DqcRuleType.Quality;
        switch (value)
        {
            case null:
                return false;
            case DqcRuleType t when t == DqcRuleType.Quality || t == DqcRuleType.Comparison:
                ruleType = t;
                return true;
            case DqcRuleType:
                return false;
            case int i:
                return FromNumber(i, out ruleType);
            case long l:
                return FromNumber(l, out ruleType);
        }

        string text = (Convert.ToString(value, CultureInfo.InvariantCulture) ?? "").Trim();
        switch (text.ToUpperInvariant())
        {
            case "QUALITY":
            case "QUALITY_TASK":
            case "1":
                ruleType = DqcRuleType.Quality;
                return true;
            case "COMPARISON":
            case "CONSISTENCY":
            case "CONSISTENCY_TASK":
            case "2":
                ruleType = DqcRuleType.Comparison;
                return true;
            default:
                return false;
        }
    }

    /// <summary>The API's task_type for a rule type.</summary>
    public static string ToTaskType(DqcRuleType ruleType) =>
        ruleType == DqcRuleType.Comparison ? "CONSISTENCY_TASK" : "QUALITY_TASK";

    /// <summary>"quality job" or "comparison job", for messages.</summary>
    public static string Describe(DqcRuleType ruleType) =>
        ruleType == DqcRuleType.Comparison ? "comparison job" : "quality job";

    private static bool FromNumber(long n, out DqcRuleType ruleType)
    {
        ruleType = n == 2 ? DqcRuleType.Comparison : DqcRuleType.Quality;
        return n == 1 || n == 2;
    }
}

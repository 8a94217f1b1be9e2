using System.Runtime.CompilerServices;

namespace DataArtsQuality.Client
{
    /// <summary>A job as the catalog remembers it: enough to complete its ID or name.</summary>
    internal sealed class DqcJobName
    {
        public DqcJobName(string id, string name, DqcRuleType ruleType)
        {
            Id = id;
            Name = name;
            RuleType = ruleType;
        }

        public string Id { get; }
        public string Name { get; }
        public DqcRuleType RuleType { get; }
    }
}

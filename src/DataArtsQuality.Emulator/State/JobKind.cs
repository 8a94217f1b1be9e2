namespace DataArtsQuality.Emulator.State;

/// <summary>The two kinds of DQC job; the values are the wire's rule_type.</summary>
public enum JobKind
{
    Quality = 1,
    Comparison = 2,
}

using System.Numerics;

namespace DataArtsQuality.Models;

/// <summary>
/// An ID as it arrived at a parameter. PowerShell converts pipeline values to this type through its constructors,
/// so the cmdlet sees what the value really was: a string or integer is exact, a double above 2^53 is not. Using
/// this type instead of string also makes objects whose Id property is an Int64 (ConvertFrom-Json output) bind by
/// property name rather than being turned into their string form by value. There is a constructor for every integral
/// shape a script may hold an ID in ([long], [ulong], [bigint], integral [decimal]), so PowerShell never picks the
/// double one for them; whether the value is a usable ID is decided by <see cref="DqcIds"/> alone.
/// </summary>
public sealed class DqcId : IEquatable<DqcId>
{
    public DqcId(string? text) : this(DqcIds.FromValue(text, out string normalized), normalized) { }

    public DqcId(long value) : this(DqcIds.FromValue(value, out string normalized), normalized) { }

    public DqcId(ulong value) : this(DqcIds.FromValue(value, out string normalized), normalized) { }

    public DqcId(BigInteger value) : this(DqcIds.FromValue(value, out string normalized), normalized) { }

    public DqcId(double value) : this(DqcIds.FromValue(value, out string normalized), normalized) { }

    public DqcId(decimal value) : this(DqcIds.FromValue(value, out string normalized), normalized) { }

    private DqcId(DqcIds.Problem problem, string value)
    {
        Problem = problem;
        Value = value;
    }

    /// <summary>The ID's exact decimal text (for a refused input, the input as text).</summary>
    public string Value { get; }

    /// <summary>Why the input is not a usable ID, or None.</summary>
    internal DqcIds.Problem Problem { get; }

    public bool IsValid => Problem == DqcIds.Problem.None;

    /// <summary>
    /// The ID's text for a request, or the refusal naming <paramref name="what"/> ("rule ID"): the verdict reached
    /// when this ID was made, not a second check.
    /// </summary>
    internal string Require(string what) => IsValid ? Value : throw new DqcIdException(Problem, what, Value);

    public override string ToString() => Value;

    public bool Equals(DqcId? other)
        => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is DqcId other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    public static implicit operator DqcId(string text) => new DqcId(text);

    internal static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);
}

using System.Numerics;

namespace DataArtsQuality.Client;

/// <summary>
/// Validation of DQC IDs. IDs are 64-bit integers that exceed 2^53, so they live as exact decimal strings
/// everywhere in this module and never pass through a double.
/// </summary>
internal static class DqcIds
{
    /// <summary>2^53: above it a double can no longer hold every integer exactly.</summary>
    public const double MaxExactDouble = 9007199254740992d;

    /// <summary>Why an ID was refused.</summary>
    internal enum Problem
    {
        None,
        Empty,
        NotNumeric,
        /// <summary>A negative number: DQC IDs are positive.</summary>
        NotPositive,
        /// <summary>Digits, but above 9223372036854775807: DQC IDs are signed 64-bit integers.</summary>
        OutOfRange,
        LostPrecision,
    }

    /// <summary>The FullyQualifiedErrorId prefix of a refused ID, the same on every cmdlet.</summary>
    public static string ErrorId(Problem problem) => problem switch
    {
        Problem.Empty => "DqcIdEmpty",
        Problem.NotNumeric => "DqcIdNotNumeric",
        Problem.NotPositive => "DqcIdNotPositive",
        Problem.OutOfRange => "DqcIdOutOfRange",
        Problem.LostPrecision => "DqcIdLostPrecision",
        _ => "DqcInvalidId",
    };

    /// <summary>
    /// Checks an ID given as text. Surrounding white space is trimmed; anything but 1 to 19 decimal digits
    /// that fit a signed 64-bit integer is refused. A text that reads as a floating-point number above 2^53
    /// (such as "1.44076417223239E+18", what a double turns into) is reported as lost precision.
    /// </summary>
    public static Problem Check(string? input, out string normalized)
    {
        normalized = (input ?? "").Trim();
        if (normalized.Length == 0)
            return Problem.Empty;

        bool allDigits = true;
        foreach (char c in normalized)
        {
            if (c < '0' || c > '9') { allDigits = false; break; }
        }

        if (!allDigits)
        {
            if (normalized[0] == '-' && normalized.Length > 1 && IsDigits(normalized, 1))
                return Problem.NotPositive;
            if (double.TryParse(normalized, NumberStyles.Float, CultureInfo.InvariantCulture, out double d)
                && !double.IsNaN(d) && !double.IsInfinity(d)
                && Math.Abs(d) > MaxExactDouble)
            {
                return d < 0 ? Problem.NotPositive : Problem.LostPrecision;
            }
            return Problem.NotNumeric;
        }

        if (normalized.Length > 19 || !long.TryParse(normalized, NumberStyles.None, CultureInfo.InvariantCulture,
            out _))
            return Problem.OutOfRange;
        return Problem.None;
    }

    private static bool IsDigits(string text, int start)
    {
        for (int i = start; i < text.Length; i++)
            if (text[i] < '0' || text[i] > '9') return false;
        return true;
    }

    /// <summary>
    /// The ID as the service takes it (trimmed), or a <see cref="DqcIdException"/> naming <paramref name="what"/>
    /// ("rule ID", "instance ID"): the one check the core makes before an ID goes into a request.
    /// </summary>
    public static string Require(string? input, string what)
    {
        var problem = Check(input, out string normalized);
        if (problem != Problem.None) throw new DqcIdException(problem, what, input);
        return normalized;
    }

    /// <summary>
    /// Converts a value that arrived from PowerShell (string, integer, double, ...) to ID text, or says why not.
    /// Doubles and singles above 2^53 are refused here, before any text conversion could hide the damage.
    /// </summary>
    public static Problem FromValue(object? value, out string normalized)
    {
        switch (value)
        {
            case null:
                normalized = "";
                return Problem.Empty;
            case string s:
                return Check(s, out normalized);
            case double d:
                return FromFloating(d, out normalized);
            case float f:
                return FromFloating(f, out normalized);
            case decimal m when m == decimal.Truncate(m):
                // decimal.ToString of an integral value that came with a scale ("5.0m") keeps the ".0".
                return Check(decimal.Truncate(m).ToString("0", CultureInfo.InvariantCulture), out normalized);
            case decimal m:
                normalized = m.ToString(CultureInfo.InvariantCulture);
                return Problem.NotNumeric;
            case BigInteger b:
                return Check(b.ToString(CultureInfo.InvariantCulture), out normalized);
            case IFormattable formattable:
                return Check(formattable.ToString(null, CultureInfo.InvariantCulture), out normalized);
            default:
                return Check(value.ToString(), out normalized);
        }
    }

    private static Problem FromFloating(double d, out string normalized)
    {
        normalized = d.ToString("R", CultureInfo.InvariantCulture);
        if (double.IsNaN(d) || double.IsInfinity(d) || d != Math.Floor(d))
            return Problem.NotNumeric;
        if (d < 0)
            return Problem.NotPositive;
        if (d > MaxExactDouble)
            return Problem.LostPrecision;
        return Check(((long)d).ToString(CultureInfo.InvariantCulture), out normalized);
    }

    /// <summary>
    /// A sentence for a refused ID, naming the input: the one wording every cmdlet and the core use, so a problem reads
    /// the same wherever the ID was given.
    /// </summary>
    public static string Describe(Problem problem, string what, string input) => problem switch
    {
        Problem.Empty => $"The {what} is empty. Pass the numeric ID of the {what.Replace(" ID", "")}, e.g. '1440764172232392705'.",
        Problem.NotNumeric => $"The {what} '{input}' is not a valid ID: DQC IDs are whole decimal numbers such as '1440764172232392705'.",
        Problem.NotPositive => $"The {what} '{input}' is not a valid ID: IDs are positive.",
        Problem.OutOfRange => $"The {what} '{input}' is not a valid ID: IDs are signed 64-bit integers, at most 9223372036854775807.",
        Problem.LostPrecision => $"The {what} '{input}' arrived as a floating-point number above 2^53, so its last digits are already lost. Pass IDs as strings or integers, e.g. '1440764172232392705'.",
        _ => $"The {what} '{input}' is valid.",
    };
}

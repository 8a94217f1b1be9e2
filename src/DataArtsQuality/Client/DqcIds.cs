using System;
using System.Globalization;

namespace DataArtsQuality.Client
{
    /// <summary>
    /// Validation of DQC IDs. IDs are 64-bit integers that exceed 2^53, so they live as exact decimal strings
    /// everywhere in this module and never pass through a double.
    /// </summary>
    public static class DqcIds
    {
        /// <summary>2^53: above it a double can no longer hold every integer exactly.</summary>
        public const double MaxExactDouble = 9007199254740992d;

        /// <summary>Why an ID was refused.</summary>
        public enum Problem
        {
            None,
            Empty,
            NotNumeric,
            TooLong,
            LostPrecision,
        }

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
                if (double.TryParse(normalized, NumberStyles.Float, CultureInfo.InvariantCulture, out double d)
                    && !double.IsNaN(d) && !double.IsInfinity(d)
                    && (Math.Abs(d) > MaxExactDouble || d != Math.Floor(d)))
                {
                    return Problem.LostPrecision;
                }
                return Problem.NotNumeric;
            }

            if (normalized.Length > 19 || !long.TryParse(normalized, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                return Problem.TooLong;
            return Problem.None;
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
                    return Check(m.ToString(CultureInfo.InvariantCulture), out normalized);
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
            if (Math.Abs(d) > MaxExactDouble)
                return Problem.LostPrecision;
            return Check(((long)d).ToString(CultureInfo.InvariantCulture), out normalized);
        }

        /// <summary>A sentence for a refused ID, naming the input.</summary>
        public static string Describe(Problem problem, string what, string input) => problem switch
        {
            Problem.Empty => $"The {what} is empty. Pass the numeric ID of the {what.Replace(" ID", "")}, e.g. '1440764172232392705'.",
            Problem.NotNumeric => $"The {what} '{input}' is not a numeric ID. DQC IDs are decimal integers such as '1440764172232392705'.",
            Problem.TooLong => $"The {what} '{input}' is too long: DQC IDs are 64-bit integers of at most 19 digits.",
            Problem.LostPrecision => $"The {what} '{input}' arrived as a floating-point number above 2^53, so its last digits are already lost. Pass IDs as strings, e.g. '1440764172232392705'.",
            _ => $"The {what} '{input}' is valid.",
        };
    }
}

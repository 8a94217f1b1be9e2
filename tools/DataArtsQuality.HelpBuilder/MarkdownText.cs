using System.Text.RegularExpressions;

namespace DataArtsQuality.HelpBuilder;

/// <summary>Markdown prose as the plain text Get-Help prints.</summary>
internal static partial class MarkdownText
{
    [GeneratedRegex(@"\[([^\]]+)\]\(([^)\s]*)\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"\\([\\`*_{}\[\]()#+\-.!<>|])")]
    private static partial Regex Escape();

    [GeneratedRegex(@"^([-*+]|\d+[.)])\s+")]
    public static partial Regex ListMarker();

    /// <summary>
    /// Get-Help shows text verbatim, so links become "text (uri)" as platyPS writes them and escapes are dropped;
    /// emphasis markers are left alone because they read fine.
    /// </summary>
    public static string FlattenInline(string text)
    {
        string t = InlineLink().Replace(text, m => string.IsNullOrWhiteSpace(m.Groups[2].Value)
            ? m.Groups[1].Value
            : $"{m.Groups[1].Value} ({m.Groups[2].Value})");
        return Escape().Replace(t, "$1");
    }

    /// <summary>
    /// A markdown paragraph soft-wraps, so its source lines are joined; list items and hard breaks (two trailing
    /// spaces or a trailing backslash) stay on lines of their own.
    /// </summary>
    public static IEnumerable<string> LogicalLines(IEnumerable<string> lines)
    {
        var result = new List<string>();
        string? current = null;
        foreach (string raw in lines)
        {
            bool hardBreak = raw.EndsWith("  ", StringComparison.Ordinal) || raw.EndsWith('\\');
            string trimmed = raw.Trim();
            if (hardBreak && trimmed.EndsWith('\\')) trimmed = trimmed[..^1].TrimEnd();
            bool isListItem = ListMarker().IsMatch(trimmed);
            if (current is not null && !isListItem) current += " " + trimmed;
            else
            {
                if (current is not null) result.Add(current);
                current = trimmed;
            }
            if (hardBreak)
            {
                result.Add(current);
                current = null;
            }
        }
        if (current is not null) result.Add(current);
        return result.Select(FlattenInline);
    }

    /// <summary>One paragraph of help text per logical line; code in prose is kept verbatim.</summary>
    public static List<string> Paragraphs(IEnumerable<MdBlock> blocks)
    {
        var result = new List<string>();
        foreach (var b in blocks)
        {
            switch (b.Kind)
            {
                case BlockKind.Paragraph: result.AddRange(LogicalLines(b.Lines)); break;
                case BlockKind.Code: result.Add(b.Text); break;
                case BlockKind.Heading: result.Add(b.Text); break;
            }
        }
        return result;
    }

    /// <summary>Greedy word wrap with an indent for every line and a hanging indent after the first.</summary>
    public static IEnumerable<string> Wrap(string text, int width, string indent, string hangingIndent)
    {
        string prefix = indent;
        string line = "";
        foreach (string word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length == 0) line = word;
            else if (prefix.Length + line.Length + 1 + word.Length > width)
            {
                yield return prefix + line;
                prefix = indent + hangingIndent;
                line = word;
            }
            else line += " " + word;
        }
        if (line.Length > 0) yield return prefix + line;
    }
}

using System.Text;

namespace DataArtsQuality.HelpBuilder;

/// <summary>
/// An about-topic page as about_*.help.txt, following platyPS's text renderer: the first heading becomes "TOPIC",
/// the "## about_X" heading under it the indented, lower-cased topic name, other level-1 headings are upper-cased
/// at column 0, prose is indented four spaces and wrapped at 80 columns, code is kept verbatim (indented).
/// </summary>
internal static class AboutTopicWriter
{
    public const int Width = 80;
    private const string Indent = "    ";

    public static string Render(MarkdownDocument doc)
    {
        var blocks = doc.Blocks;
        if (blocks.Count == 0 || blocks[0].Kind != BlockKind.Heading)
            throw new HelpBuildException($"{doc.Path} must start with a '# about_Topic' heading.");
        var output = new List<string>();
        for (int k = 0; k < blocks.Count; k++)
        {
            var b = blocks[k];
            switch (b.Kind)
            {
                case BlockKind.Heading:
                    if (k == 0)
                    {
                        output.Add("TOPIC");
                        // platyPS takes the name from the "## about_X" line; the title is the fallback.
                        bool nameFollows = blocks.Count > 1 && blocks[1].Kind == BlockKind.Heading && blocks[1].Level == 2;
                        if (!nameFollows) { output.Add(Indent + b.Text.ToLowerInvariant()); output.Add(""); }
                    }
                    else if (k == 1 && b.Level == 2) { output.Add(Indent + b.Text.ToLowerInvariant()); output.Add(""); }
                    else if (b.Level == 1) output.Add(b.Text.ToUpperInvariant());
                    else if (b.Level == 2) output.Add(b.Text);
                    else output.Add(Indent + b.Text.ToUpperInvariant());
                    break;
                case BlockKind.Paragraph:
                    foreach (string logical in MarkdownText.LogicalLines(b.Lines))
                    {
                        var marker = MarkdownText.ListMarker().Match(logical);
                        string hanging = marker.Success ? new string(' ', marker.Length) : "";
                        output.AddRange(MarkdownText.Wrap(logical, Width, Indent, hanging));
                    }
                    output.Add("");
                    break;
                case BlockKind.Code:
                    output.AddRange(b.Lines.Select(l => Indent + l));
                    output.Add("");
                    break;
            }
        }

        // Same clean-up as platyPS: no trailing blanks, no double empty lines, one final newline.
        var clean = new List<string>();
        foreach (string line in output.Select(l => l.TrimEnd()))
        {
            if (line.Length == 0 && (clean.Count == 0 || clean[^1].Length == 0)) continue;
            clean.Add(line);
        }
        while (clean.Count > 0 && clean[^1].Length == 0) clean.RemoveAt(clean.Count - 1);
        return string.Join("\n", clean) + "\n";
    }

    public static void Write(MarkdownDocument doc, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        // BOM on purpose: Windows PowerShell 5.1 reads a BOM-less text file as ANSI.
        File.WriteAllText(path, Render(doc), new UTF8Encoding(true));
    }
}

internal sealed class HelpBuildException(string message) : Exception(message);

using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using YamlDotNet.RepresentationModel;

namespace DataArtsQuality.HelpBuilder;

internal enum BlockKind { Heading, Code, Paragraph }

/// <summary>
/// A top-level markdown block with the source lines it spans (0-based, end exclusive), so pages can be rewritten
/// in place without disturbing the text around the part that changes.
/// </summary>
internal sealed record MdBlock(BlockKind Kind, int Level, string Text, string Lang, string[] Lines, int StartLine, int EndLine, bool Closed = true)
{
    /// <summary>1-based line for messages.</summary>
    public int Line => StartLine + 1;
}

/// <summary>A markdown file split by Markdig into front matter and a flat list of blocks.</summary>
internal sealed class MarkdownDocument
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    public required string Path { get; init; }
    public required string[] SourceLines { get; init; }
    public bool HasFrontMatter { get; init; }
    public Dictionary<string, string> FrontMatter { get; } = new(StringComparer.OrdinalIgnoreCase);
    public List<MdBlock> Blocks { get; } = new();
    public List<HelpProblem> Problems { get; } = new();

    public static MarkdownDocument Load(string path) => Parse(path, File.ReadAllText(path));

    public static MarkdownDocument Parse(string path, string text)
    {
        text = text.Replace("\r\n", "\n").Replace('\r', '\n');
        var lineStarts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++) if (text[i] == '\n') lineStarts.Add(i + 1);
        int LineOf(int offset)
        {
            int index = lineStarts.BinarySearch(offset);
            return index >= 0 ? index : ~index - 1;
        }

        var parsed = Markdown.Parse(text, Pipeline);
        var yaml = parsed.Descendants<YamlFrontMatterBlock>().FirstOrDefault();
        var doc = new MarkdownDocument
        {
            Path = path,
            SourceLines = text.Split('\n'),
            HasFrontMatter = yaml is not null,
        };
        if (yaml is not null) doc.ReadFrontMatter(yaml);

        foreach (var block in parsed)
        {
            // Link reference definitions Markdig gathers into a group of their own carry no text of their own.
            if (block is YamlFrontMatterBlock or LinkReferenceDefinitionGroup { Count: 0 }) continue;
            int start = block.Line;
            int end = Math.Max(start, LineOf(Math.Max(block.Span.Start, block.Span.End))) + 1;
            switch (block)
            {
                case HeadingBlock heading:
                    string raw = doc.SourceLines[start];
                    string title = System.Text.RegularExpressions.Regex.Replace(raw.Trim(), @"^#{1,6}\s*|\s+#+\s*$", "").Trim();
                    doc.Blocks.Add(new MdBlock(BlockKind.Heading, heading.Level, title, "", [], start, end));
                    break;
                case FencedCodeBlock fenced:
                    {
                        var lines = CodeLines(fenced);
                        bool closed = fenced.ClosingFencedCharCount > 0;
                        if (!closed)
                        {
                            doc.Problems.Add(new HelpProblem(path, null, Severity.Error, "UnclosedCodeFence",
                                $"Code fence opened on line {start + 1} is never closed.", start + 1));
                        }
                        doc.Blocks.Add(new MdBlock(BlockKind.Code, 0, string.Join("\n", lines), (fenced.Info ?? "").Trim(), lines, start, end, closed));
                        break;
                    }
                case CodeBlock indented:
                    {
                        var lines = CodeLines(indented);
                        doc.Blocks.Add(new MdBlock(BlockKind.Code, 0, string.Join("\n", lines), "", lines, start, end));
                        break;
                    }
                default:
                    {
                        var lines = doc.SourceLines[start..Math.Min(end, doc.SourceLines.Length)];
                        // Trailing blank lines belong to no block.
                        int count = lines.Length;
                        while (count > 0 && lines[count - 1].Trim().Length == 0) count--;
                        if (count == 0) break;
                        doc.Blocks.Add(new MdBlock(BlockKind.Paragraph, 0, "", "", lines[..count], start, start + count));
                        break;
                    }
            }
        }
        return doc;
    }

    private static string[] CodeLines(LeafBlock block)
    {
        var result = new string[block.Lines.Count];
        for (int i = 0; i < block.Lines.Count; i++) result[i] = block.Lines.Lines[i].Slice.ToString();
        return result;
    }

    private void ReadFrontMatter(YamlFrontMatterBlock block)
    {
        string text = string.Join("\n", CodeLines(block));
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map) return;
            foreach (var (key, value) in map.Children)
            {
                if (key is YamlScalarNode k && k.Value is not null)
                    FrontMatter[k.Value] = value is YamlScalarNode v ? v.Value ?? "" : value.ToString();
            }
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            Problems.Add(new HelpProblem(Path, null, Severity.Error, "InvalidFrontMatter",
                $"The front matter is not valid YAML: {ex.Message}", block.Line + 1));
        }
    }
}

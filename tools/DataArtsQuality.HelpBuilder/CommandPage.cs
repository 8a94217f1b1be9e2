using System.Text.RegularExpressions;

namespace DataArtsQuality.HelpBuilder;

/// <summary>One yaml block of a parameter: its metadata in one or more parameter sets (platyPS "variant").</summary>
internal sealed class ParameterVariant
{
    public const string AllSets = "(All)";

    public required string Name { get; init; }
    public required List<string> Description { get; init; }
    public string Type { get; init; } = "";
    public bool IsSwitch => Type is "SwitchParameter" or "System.Management.Automation.SwitchParameter";
    public List<string> Sets { get; init; } = [AllSets];
    public List<string> Aliases { get; init; } = [];
    public List<string> AcceptedValues { get; init; } = [];
    public bool Required { get; init; }
    public string Position { get; init; } = "named";
    public string DefaultValue { get; init; } = "None";
    public string PipelineInput { get; init; } = "false";
    public bool Globbing { get; init; }

    public static readonly string[] Keys = ["Type", "Parameter Sets", "Aliases", "Accepted values", "Required", "Position",
        "Default value", "Accept pipeline input", "Accept wildcard characters", "Applicable"];

    public static ParameterVariant FromYaml(string name, List<string> description, IReadOnlyDictionary<string, string> yaml)
    {
        string Get(string key, string fallback) => yaml.TryGetValue(key, out var v) && v.Length > 0 ? v : fallback;
        string type = Get("Type", "");
        bool isSwitch = type is "SwitchParameter" or "System.Management.Automation.SwitchParameter";
        var sets = SplitList(Get("Parameter Sets", AllSets));
        string defaultValue = Get("Default value", "None");
        if (isSwitch && defaultValue == "None") defaultValue = "False";
        return new ParameterVariant
        {
            Name = name,
            Description = description,
            Type = isSwitch ? "SwitchParameter" : type,
            Sets = sets.Count == 0 ? [AllSets] : sets,
            Aliases = SplitList(Get("Aliases", "")).Where(a => a != "None").ToList(),
            AcceptedValues = SplitList(Get("Accepted values", "")),
            Required = Get("Required", "false").Equals("true", StringComparison.OrdinalIgnoreCase),
            Position = Get("Position", "named").ToLowerInvariant(),
            DefaultValue = defaultValue,
            PipelineInput = Get("Accept pipeline input", "false"),
            Globbing = Get("Accept wildcard characters", "false").Equals("true", StringComparison.OrdinalIgnoreCase),
        };
    }

    public static List<string> SplitList(string value) =>
        value.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
}

internal sealed record PageParameter(string Name, int Line, List<string> Description, List<Dictionary<string, string>> Yaml, List<ParameterVariant> Variants);
internal sealed record SyntaxSet(string Name, bool IsDefault, string Code, List<string> ParameterNames, int Line);
internal sealed record PageExample(string Title, int Line, bool HasCode, string Code, List<string> Remarks);
internal sealed record TypeEntry(string TypeName, List<string> Description);
internal sealed record RelatedLink(string Text, string Uri);

/// <summary>A command page in the platyPS 2.0.0 schema, read into the parts Get-Help has a place for.</summary>
internal sealed partial class CommandPage
{
    public static readonly string[] KnownSections = ["SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS"];
    public const string DefaultSetSuffix = " (Default)";

    public required MarkdownDocument Document { get; init; }
    public string Path => Document.Path;
    public string? Name { get; private set; }
    public List<string> SectionNames { get; } = [];
    public List<string> Synopsis { get; private set; } = [];
    public List<string> Description { get; private set; } = [];
    public List<SyntaxSet> SyntaxSets { get; } = [];
    public List<PageParameter> Parameters { get; } = [];
    public bool HasCommonParameters { get; private set; }
    public List<PageExample> Examples { get; } = [];
    public List<TypeEntry> Inputs { get; } = [];
    public List<TypeEntry> Outputs { get; } = [];
    public List<string> Notes { get; private set; } = [];
    public List<RelatedLink> Links { get; } = [];
    public List<HelpProblem> Problems { get; } = [];

    [GeneratedRegex(@"(?<=[\s\[])-([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex SyntaxParameter();

    [GeneratedRegex(@"^\s*([^:]+?)\s*:\s*(.*?)\s*$")]
    private static partial Regex YamlLine();

    [GeneratedRegex(@"\[([^\]]+)\]\(([^)]*)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^<?(https?://[^>\s]+)>?$")]
    private static partial Regex BareUrl();

    /// <summary>Groups blocks under the headings of one level; the first group (heading null) is what comes before.</summary>
    public static List<(MdBlock? Heading, List<MdBlock> Blocks)> Split(IEnumerable<MdBlock> blocks, int level)
    {
        var groups = new List<(MdBlock?, List<MdBlock>)>();
        (MdBlock? heading, List<MdBlock> list) current = (null, []);
        foreach (var b in blocks)
        {
            if (b.Kind == BlockKind.Heading && b.Level == level)
            {
                groups.Add(current);
                current = (b, []);
            }
            else current.list.Add(b);
        }
        groups.Add(current);
        return groups;
    }

    public static List<string> SyntaxParameterNames(string code) =>
        SyntaxParameter().Matches(code).Select(m => m.Groups[1].Value).Distinct().ToList();

    public static CommandPage Parse(MarkdownDocument doc)
    {
        var page = new CommandPage { Document = doc };
        page.Problems.AddRange(doc.Problems);
        page.Read();
        return page;
    }

    private void Problem(Severity severity, string rule, string message, int line = 0) =>
        Problems.Add(new HelpProblem(Path, Name, severity, rule, message, line));

    private void Read()
    {
        var blocks = Document.Blocks;
        int titleIndex = blocks.FindIndex(b => b.Kind == BlockKind.Heading && b.Level == 1);
        if (titleIndex < 0)
        {
            Problem(Severity.Error, "MissingTitle", "No '# <Command-Name>' heading found.");
            return;
        }
        Name = blocks[titleIndex].Text;
        var body = blocks.Skip(titleIndex + 1).ToList();
        foreach (var extra in body.Where(b => b.Kind == BlockKind.Heading && b.Level == 1))
            Problem(Severity.Error, "ExtraTitle", $"Only one '#' heading is allowed per command page; found '{extra.Text}'.", extra.Line);

        var sections = Split(body.Where(b => !(b.Kind == BlockKind.Heading && b.Level == 1)), 2);
        foreach (var stray in sections[0].Blocks)
            Problem(Severity.Warning, "ContentOutsideSection", "Content before the first ## section is ignored.", stray.Line);

        foreach (var (heading, sectionBlocks) in sections.Skip(1))
        {
            string section = heading!.Text.ToUpperInvariant();
            if (!KnownSections.Contains(section))
            {
                Problem(Severity.Error, "UnknownSection", $"Unknown section '## {heading.Text}'.", heading.Line);
                continue;
            }
            if (SectionNames.Contains(section))
                Problem(Severity.Error, "DuplicateSection", $"Section '## {section}' appears more than once.", heading.Line);
            SectionNames.Add(section);

            switch (section)
            {
                case "SYNOPSIS": Synopsis = MarkdownText.Paragraphs(sectionBlocks); break;
                case "DESCRIPTION": Description = MarkdownText.Paragraphs(sectionBlocks); break;
                case "NOTES": Notes = MarkdownText.Paragraphs(sectionBlocks); break;
                case "SYNTAX": ReadSyntax(sectionBlocks); break;
                case "PARAMETERS": ReadParameters(sectionBlocks); break;
                case "EXAMPLES": ReadExamples(sectionBlocks); break;
                case "INPUTS": ReadTypes(sectionBlocks, Inputs); break;
                case "OUTPUTS": ReadTypes(sectionBlocks, Outputs); break;
                case "RELATED LINKS": ReadLinks(sectionBlocks); break;
            }
        }
    }

    private void ReadSyntax(List<MdBlock> blocks)
    {
        var groups = Split(blocks, 3);
        var unnamed = groups[0].Blocks.FirstOrDefault(b => b.Kind == BlockKind.Code);
        if (unnamed is not null)
        {
            // A syntax block without a set heading is how single-set commands are written.
            SyntaxSets.Add(new SyntaxSet(ParameterVariant.AllSets, true, unnamed.Text, SyntaxParameterNames(unnamed.Text), unnamed.Line));
        }
        foreach (var (heading, groupBlocks) in groups.Skip(1))
        {
            string setName = heading!.Text;
            bool isDefault = setName.EndsWith(DefaultSetSuffix, StringComparison.Ordinal);
            if (isDefault) setName = setName[..^DefaultSetSuffix.Length].Trim();
            var code = groupBlocks.FirstOrDefault(b => b.Kind == BlockKind.Code);
            if (code is null)
                Problem(Severity.Error, "SyntaxWithoutCode", $"Parameter set '{setName}' has no syntax code block.", heading.Line);
            string text = code?.Text ?? "";
            SyntaxSets.Add(new SyntaxSet(setName, isDefault, text, SyntaxParameterNames(text), heading.Line));
        }
    }

    private void ReadParameters(List<MdBlock> blocks)
    {
        foreach (var (heading, groupBlocks) in Split(blocks, 3).Skip(1))
        {
            string name = heading!.Text.TrimStart('-');
            if (name == "CommonParameters") { HasCommonParameters = true; continue; }
            if (name == "WorkflowParameters") continue;
            var yamlBlocks = groupBlocks.Where(IsYaml).ToList();
            var description = MarkdownText.Paragraphs(groupBlocks.Where(b => !IsYaml(b)));
            var yaml = yamlBlocks.Select(ReadYaml).ToList();
            var variants = yaml.Select(y => ParameterVariant.FromYaml(name, description, y)).ToList();
            if (variants.Count == 0) variants.Add(ParameterVariant.FromYaml(name, description, new Dictionary<string, string>()));
            Parameters.Add(new PageParameter(name, heading.Line, description, yaml, variants));
        }
    }

    public static bool IsYaml(MdBlock b) => b.Kind == BlockKind.Code && b.Lang.Equals("yaml", StringComparison.OrdinalIgnoreCase);

    // Parameter blocks are "Key: value" lines, not general YAML: values such as '*' or '@{}' are plain text here.
    private Dictionary<string, string> ReadYaml(MdBlock block)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < block.Lines.Length; i++)
        {
            string line = block.Lines[i];
            if (line.Trim().Length == 0) continue;
            var m = YamlLine().Match(line);
            int lineNo = block.Line + i + 1;
            if (!m.Success)
            {
                Problem(Severity.Error, "InvalidParameterYaml", $"Expected 'Key: value' but found '{line}'.", lineNo);
                continue;
            }
            string? known = ParameterVariant.Keys.FirstOrDefault(k => k == m.Groups[1].Value);
            if (known is null)
            {
                Problem(Severity.Error, "UnknownParameterYamlKey", $"Unknown parameter metadata key '{m.Groups[1].Value}'.", lineNo);
                continue;
            }
            map[known] = m.Groups[2].Value;
        }
        return map;
    }

    private void ReadExamples(List<MdBlock> blocks)
    {
        foreach (var (heading, eb) in Split(blocks, 3).Skip(1))
        {
            int first = eb.FindIndex(b => b.Kind == BlockKind.Code);
            var code = new List<string>();
            var remarks = new List<MdBlock>();
            if (first >= 0)
            {
                // Adjacent fences (a command and its output) form one code sample, as in platyPS; prose before the
                // code is kept, ahead of the remarks, so nothing is lost.
                int k = first;
                while (k < eb.Count && eb[k].Kind == BlockKind.Code) code.Add(eb[k++].Text);
                remarks.AddRange(eb.Take(first));
                remarks.AddRange(eb.Skip(k));
            }
            else remarks.AddRange(eb);
            Examples.Add(new PageExample(heading!.Text, heading.Line, first >= 0, string.Join("\n\n", code), MarkdownText.Paragraphs(remarks)));
        }
    }

    private static void ReadTypes(List<MdBlock> blocks, List<TypeEntry> target)
    {
        foreach (var (heading, tb) in Split(blocks, 3).Skip(1))
            target.Add(new TypeEntry(heading!.Text, MarkdownText.Paragraphs(tb)));
    }

    private void ReadLinks(List<MdBlock> blocks)
    {
        foreach (var b in blocks)
        {
            if (b.Kind != BlockKind.Paragraph)
            {
                Problem(Severity.Error, "InvalidRelatedLink", "RELATED LINKS may only contain [text](uri) links.", b.Line);
                continue;
            }
            for (int i = 0; i < b.Lines.Length; i++)
            {
                string t = b.Lines[i].Trim();
                if (t.Length == 0) continue;
                if (t.StartsWith("- ", StringComparison.Ordinal) || t.StartsWith("* ", StringComparison.Ordinal)) t = t[2..].Trim();
                var found = Link().Matches(t);
                if (found.Count > 0)
                {
                    foreach (Match m in found) Links.Add(new RelatedLink(m.Groups[1].Value, m.Groups[2].Value.Trim()));
                }
                else if (BareUrl().Match(t) is { Success: true } url)
                {
                    Links.Add(new RelatedLink(url.Groups[1].Value, url.Groups[1].Value));
                }
                else
                {
                    Problem(Severity.Error, "InvalidRelatedLink", $"Expected a [text](uri) link but found '{t}'.", b.Line + i);
                }
            }
        }
    }

    /// <summary>
    /// Syntax rebuilt from the PARAMETERS metadata, as platyPS does; the SYNTAX headings give the set names and
    /// their order. Positional parameters first in numeric order, then the named ones in page order.
    /// </summary>
    public List<(string Name, List<ParameterVariant> Parameters)> SyntaxItems()
    {
        var setNames = new List<string>();
        foreach (var s in SyntaxSets)
            if (s.Name != ParameterVariant.AllSets && !setNames.Contains(s.Name)) setNames.Add(s.Name);
        foreach (var v in Parameters.SelectMany(p => p.Variants))
            foreach (var s in v.Sets)
                if (s != ParameterVariant.AllSets && !setNames.Contains(s)) setNames.Add(s);
        if (setNames.Count == 0) setNames.Add(ParameterVariant.AllSets);

        var items = new List<(string, List<ParameterVariant>)>();
        foreach (string set in setNames)
        {
            var members = new List<ParameterVariant>();
            foreach (var p in Parameters)
            {
                var match = p.Variants.FirstOrDefault(v => v.Sets.Contains(set))
                    ?? p.Variants.FirstOrDefault(v => v.Sets.Contains(ParameterVariant.AllSets));
                if (match is not null) members.Add(match);
            }
            var sorted = members
                .Select((v, i) => (Key: int.TryParse(v.Position, out int pos) ? pos : int.MaxValue, Index: i, Item: v))
                .OrderBy(x => x.Key).ThenBy(x => x.Index).Select(x => x.Item).ToList();
            items.Add((set, sorted));
        }
        return items;
    }
}

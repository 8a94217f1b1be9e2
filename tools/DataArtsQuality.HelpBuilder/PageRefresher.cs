using System.Text;
using System.Text.RegularExpressions;

namespace DataArtsQuality.HelpBuilder;

/// <summary>
/// Rewrites the SYNTAX section and the parameter metadata blocks of a command page from the compiled cmdlet, as
/// platyPS's Update-MarkdownHelp does: descriptions and every other section stay as written; parameters the code
/// lost are dropped, new ones get a placeholder description that the checks refuse until someone writes it.
/// </summary>
internal static partial class PageRefresher
{
    public const int SyntaxWidth = 110;
    public const string CommonParametersText =
        "This cmdlet supports the common parameters: -Debug, -ErrorAction, -ErrorVariable, -InformationAction, " +
        "-InformationVariable, -OutVariable, -OutBuffer, -PipelineVariable, -ProgressAction, -Verbose, -WarningAction, and " +
        "-WarningVariable. For more information, see [about_CommonParameters](http://go.microsoft.com/fwlink/?LinkID=113216).";

    // What PowerShell's own help says of the parameters the binder adds (ShouldProcess, paging).
    private static readonly Dictionary<string, string> StandardDescriptions = new(StringComparer.Ordinal)
    {
        ["WhatIf"] = "Shows what would happen if the cmdlet runs. The cmdlet is not run.",
        ["Confirm"] = "Prompts you for confirmation before running the cmdlet.",
        ["IncludeTotalCount"] = "Reports the total number of objects in the data set before the selected objects.",
        ["Skip"] = "Ignores the given number of objects and then gets the remaining objects.",
        ["First"] = "Gets only the given number of objects.",
    };

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>The yaml lines of one variant, in platyPS's key order.</summary>
    public static List<(string Key, string Value)> YamlEntries(CodeParameter parameter, IReadOnlyList<string> sets, SetBinding binding, string? pageDefault)
    {
        string defaultValue = parameter.DeclaredDefault
            ?? (string.IsNullOrWhiteSpace(pageDefault) ? (parameter.IsSwitch ? "False" : "None") : pageDefault.Trim());
        var entries = new List<(string, string)>
        {
            ("Type", parameter.TypeName),
            ("Parameter Sets", string.Join(", ", sets)),
            ("Aliases", string.Join(", ", parameter.Aliases)),
        };
        if (parameter.AcceptedValues.Count > 0) entries.Add(("Accepted values", string.Join(", ", parameter.AcceptedValues)));
        entries.Add(("Required", binding.Required ? "True" : "False"));
        entries.Add(("Position", binding.PositionText));
        entries.Add(("Default value", defaultValue));
        entries.Add(("Accept pipeline input", binding.PipelineText));
        entries.Add(("Accept wildcard characters", parameter.Globbing ? "True" : "False"));
        return entries;
    }

    /// <summary>
    /// One variant per distinct binding: a parameter that is mandatory in one set and optional in another gets two
    /// blocks. "(All)" when the parameter names no set or the cmdlet has only one.
    /// </summary>
    public static List<List<(string Key, string Value)>> Variants(CodeCommand command, CodeParameter parameter, PageParameter? page)
    {
        var groups = new List<(SetBinding Binding, List<string> Sets)>();
        foreach (string set in command.SetNames)
        {
            var binding = CodeCommand.BindingIn(parameter, set);
            if (binding is null) continue;
            var group = groups.FirstOrDefault(g => g.Binding == binding);
            if (group.Sets is null) groups.Add((binding, [set]));
            else group.Sets.Add(set);
        }
        bool everywhere = command.SetNames.SequenceEqual([CodeCommand.AllParameterSets])
            || (parameter.Sets.Keys.SequenceEqual([CodeCommand.AllParameterSets]) && groups.Count == 1);
        // The page variant that covers a group's sets: it keeps the block order (the first block is what Get-Help's
        // PARAMETERS section shows) and the default value wherever the code declares none.
        int PageIndex(List<string> sets)
        {
            if (page is null || page.Variants.Count == 0) return -1;
            int index = page.Variants.FindIndex(v => v.Sets.Intersect(sets).Any() || v.Sets.Contains(ParameterVariant.AllSets));
            return index < 0 ? (page.Variants.Count == 1 ? 0 : -1) : index;
        }
        string? PageDefault(List<string> sets)
        {
            int index = PageIndex(sets);
            return index < 0 || index >= page!.Yaml.Count ? null : page.Yaml[index].GetValueOrDefault("Default value");
        }
        return groups
            .OrderBy(g => PageIndex(g.Sets) is var i && i < 0 ? int.MaxValue : i)
            .Select(g => YamlEntries(parameter, everywhere ? [ParameterVariant.AllSets] : g.Sets, g.Binding, PageDefault(g.Sets)))
            .ToList();
    }

    public static string YamlText(List<(string Key, string Value)> entries)
    {
        var sb = new StringBuilder();
        foreach (var (key, value) in entries)
        {
            if (key == "Required") sb.Append('\n');
            sb.Append(key).Append(':');
            if (value.Length > 0) sb.Append(' ').Append(value);
            sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>The sets in page order, then the ones the page does not know yet in code order.</summary>
    public static List<string> SetOrder(CodeCommand command, CommandPage page)
    {
        var order = page.SyntaxSets.Select(s => s.Name == ParameterVariant.AllSets ? CodeCommand.AllParameterSets : s.Name)
            .Where(command.SetNames.Contains).Distinct().ToList();
        order.AddRange(command.SetNames.Where(s => !order.Contains(s)));
        return order;
    }

    public static string SyntaxHeading(CodeCommand command, CommandPage page, string set)
    {
        // A one-set page may show its syntax without a heading; that stays so.
        if (set == CodeCommand.AllParameterSets && page.SyntaxSets.Any(s => s.Name == ParameterVariant.AllSets)) return ParameterVariant.AllSets;
        return set != CodeCommand.AllParameterSets && set == command.DefaultSet ? set + CommandPage.DefaultSetSuffix : set;
    }

    /// <summary>
    /// The syntax line of one set, ordered as PowerShell's own syntax: positional parameters by position, then the
    /// mandatory named ones, then the rest, each in code order.
    /// </summary>
    public static string SyntaxText(CodeCommand command, string set)
    {
        var members = command.Parameters
            .Select((p, i) => (Parameter: p, Binding: CodeCommand.BindingIn(p, set), Index: i))
            .Where(x => x.Binding is not null)
            .OrderBy(x => x.Binding!.Position == int.MinValue ? int.MaxValue : x.Binding.Position)
            .ThenBy(x => x.Binding!.Required ? 0 : 1).ThenBy(x => x.Index)
            .ToList();
        var tokens = new List<string> { command.Name };
        foreach (var (p, b, _) in members)
        {
            string token;
            if (p.IsSwitch) token = $"-{p.Name}";
            else if (b!.Position != int.MinValue) token = $"[-{p.Name}] <{p.TypeName}>";
            else token = $"-{p.Name} <{p.TypeName}>";
            tokens.Add(b!.Required ? token : $"[{token}]");
        }
        tokens.Add("[<CommonParameters>]");

        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (string token in tokens)
        {
            if (line.Length > 0 && line.Length + 1 + token.Length > SyntaxWidth)
            {
                lines.Add(line.ToString());
                line.Clear().Append(' ');
            }
            else if (line.Length > 0) line.Append(' ');
            line.Append(token);
        }
        lines.Add(line.ToString());
        return string.Join("\n", lines);
    }

    /// <summary>Where the page and the code disagree on parameter metadata; empty when they agree.</summary>
    public static List<string> Differences(CodeCommand command, CommandPage page)
    {
        var differences = new List<string>();
        var expectedSyntax = SetOrder(command, page).Select(s => (SyntaxHeading(command, page, s), Normalize(SyntaxText(command, s)))).ToList();
        var actualSyntax = page.SyntaxSets.Select(s => (s.IsDefault && s.Name != ParameterVariant.AllSets ? s.Name + CommandPage.DefaultSetSuffix : s.Name, Normalize(s.Code))).ToList();
        if (!expectedSyntax.SequenceEqual(actualSyntax))
        {
            string expectedSets = string.Join(", ", expectedSyntax.Select(s => s.Item1));
            string actualSets = string.Join(", ", actualSyntax.Select(s => s.Item1));
            differences.Add(expectedSets == actualSets
                ? "SYNTAX differs from the cmdlet's parameters"
                : $"SYNTAX shows the sets '{actualSets}', the cmdlet has '{expectedSets}'");
        }

        foreach (var missing in command.Parameters.Where(p => page.Parameters.All(d => d.Name != p.Name)))
            differences.Add($"-{missing.Name} is a parameter of the cmdlet but has no '### -{missing.Name}' section");
        foreach (var extra in page.Parameters.Where(d => command.Parameters.All(p => p.Name != d.Name)))
            differences.Add($"-{extra.Name} is documented but the cmdlet has no such parameter");

        foreach (var pageParameter in page.Parameters)
        {
            var code = command.Parameters.FirstOrDefault(p => p.Name == pageParameter.Name);
            if (code is null) continue;
            var expected = Variants(command, code, pageParameter);
            if (expected.Count != pageParameter.Yaml.Count)
            {
                differences.Add($"-{code.Name} has {pageParameter.Yaml.Count} yaml block(s), the code gives {expected.Count}");
                continue;
            }
            for (int i = 0; i < expected.Count; i++)
            {
                foreach (var (key, value) in expected[i])
                {
                    string documented = pageParameter.Yaml[i].GetValueOrDefault(key, "").Trim();
                    if (!SameValue(key, documented, value, command))
                        differences.Add($"-{code.Name}: {key} is '{documented}' in the markdown, '{value}' in the code");
                }
            }
        }
        return differences;
    }

    private static bool SameValue(string key, string documented, string expected, CodeCommand command)
    {
        // Listing every set says the same as (All).
        if (key is "Parameter Sets" && expected == ParameterVariant.AllSets
            && ParameterVariant.SplitList(documented).Order().SequenceEqual(command.SetNames.Order())) return true;
        if (key is "Aliases" && (documented is "None" ? "" : documented) == expected) return true;
        if (key is "Parameter Sets" or "Aliases" or "Accepted values")
            return ParameterVariant.SplitList(documented).SequenceEqual(ParameterVariant.SplitList(expected), StringComparer.OrdinalIgnoreCase);
        return string.Equals(documented, expected, StringComparison.OrdinalIgnoreCase);
    }

    private static string Normalize(string code) => Whitespace().Replace(code, " ").Trim();

    /// <summary>
    /// A page for a cmdlet that has none yet, as platyPS's New-MarkdownHelp writes it: the placeholders keep the build
    /// failing until someone has written the synopsis, description, example and parameter descriptions.
    /// </summary>
    public static string NewPage(CodeCommand command, string helpFile, string moduleName)
    {
        var outputs = command.OutputTypes.Count == 0 ? ["System.Object"] : command.OutputTypes;
        var lines = new List<string>
        {
            "---", "external help file: " + helpFile, "Module Name: " + moduleName, "online version:", "schema: 2.0.0", "---", "",
            "# " + command.Name, "",
            "## SYNOPSIS", "{{ Fill in the Synopsis }}", "",
            "## SYNTAX", "",
            "## DESCRIPTION", "{{ Fill in the Description }}", "",
            "## EXAMPLES", "", "### Example 1", "```powershell", "PS C:\\> {{ Add example code here }}", "```", "",
            "{{ Add example description here }}", "",
            "## PARAMETERS", "",
            "## INPUTS", "", "### None", "",
            "## OUTPUTS", "",
        };
        foreach (string output in outputs) lines.AddRange(["### " + output, ""]);
        lines.AddRange(["## NOTES", "", "## RELATED LINKS", ""]);
        var page = CommandPage.Parse(MarkdownDocument.Parse(command.Name + ".md", string.Join("\n", lines)));
        return Refresh(command, page);
    }

    /// <summary>The page text with SYNTAX and the parameter blocks rewritten from the code.</summary>
    public static string Refresh(CodeCommand command, CommandPage page)
    {
        var lines = page.Document.SourceLines.ToList();
        var blocks = page.Document.Blocks;
        // Later sections first, so the line numbers of earlier ones stay valid.
        var sections = SectionRanges(blocks, lines.Count).OrderByDescending(s => s.Start).ToList();
        foreach (var (name, start, end) in sections)
        {
            List<string>? replacement = name switch
            {
                "SYNTAX" => SyntaxSection(command, page),
                "PARAMETERS" => ParametersSection(command, page, blocks, start, end),
                _ => null,
            };
            if (replacement is null) continue;
            lines.RemoveRange(start, end - start);
            lines.InsertRange(start, replacement);
        }
        return string.Join("\n", lines);
    }

    /// <summary>Each "## " section as the range from its heading to the next heading of level 1 or 2.</summary>
    private static List<(string Name, int Start, int End)> SectionRanges(List<MdBlock> blocks, int lineCount)
    {
        var headings = blocks.Where(b => b.Kind == BlockKind.Heading && b.Level <= 2).ToList();
        var result = new List<(string, int, int)>();
        for (int i = 0; i < headings.Count; i++)
        {
            if (headings[i].Level != 2) continue;
            int end = i + 1 < headings.Count ? headings[i + 1].StartLine : lineCount;
            result.Add((headings[i].Text.ToUpperInvariant(), headings[i].StartLine, end));
        }
        return result;
    }

    private static List<string> SyntaxSection(CodeCommand command, CommandPage page)
    {
        var result = new List<string> { "## SYNTAX", "" };
        foreach (string set in SetOrder(command, page))
        {
            string heading = SyntaxHeading(command, page, set);
            if (heading != ParameterVariant.AllSets) result.Add("### " + heading);
            result.Add("```");
            result.AddRange(SyntaxText(command, set).Split('\n'));
            result.Add("```");
            result.Add("");
        }
        return result;
    }

    private static List<string> ParametersSection(CodeCommand command, CommandPage page, List<MdBlock> blocks, int start, int end)
    {
        var source = page.Document.SourceLines;
        var inSection = blocks.Where(b => b.StartLine > start && b.StartLine < end).ToList();
        var subHeadings = inSection.Where(b => b.Kind == BlockKind.Heading && b.Level == 3).ToList();

        // The text of each "### " subsection without its yaml blocks, keyed by parameter name.
        var descriptions = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (int i = 0; i < subHeadings.Count; i++)
        {
            int from = subHeadings[i].EndLine;
            int to = i + 1 < subHeadings.Count ? subHeadings[i + 1].StartLine : end;
            var yamlRanges = inSection.Where(b => CommandPage.IsYaml(b) && b.StartLine >= from && b.StartLine < to).ToList();
            var segments = new List<List<string>>();
            int cursor = from;
            foreach (var y in yamlRanges.Append(null))
            {
                int stop = y?.StartLine ?? to;
                segments.Add(TrimBlank(source[cursor..stop]));
                if (y is not null) cursor = Math.Min(y.EndLine, to);
            }
            var text = new List<string>();
            foreach (var segment in segments.Where(s => s.Count > 0))
            {
                if (text.Count > 0) text.Add("");
                text.AddRange(segment);
            }
            descriptions[subHeadings[i].Text.TrimStart('-')] = text;
        }

        var result = new List<string> { "## PARAMETERS", "" };
        int firstSub = subHeadings.Count > 0 ? subHeadings[0].StartLine : end;
        var preamble = TrimBlank(source[(start + 1)..firstSub]);
        if (preamble.Count > 0) { result.AddRange(preamble); result.Add(""); }

        var order = page.Parameters.Select(p => p.Name).Where(n => command.Parameters.Any(p => p.Name == n)).ToList();
        order.AddRange(command.Parameters.Select(p => p.Name).Where(n => !order.Contains(n)));
        foreach (string name in order)
        {
            var code = command.Parameters.First(p => p.Name == name);
            var pageParameter = page.Parameters.FirstOrDefault(p => p.Name == name);
            result.Add("### -" + name);
            var description = descriptions.GetValueOrDefault(name);
            result.AddRange(description is { Count: > 0 } ? description
                : StandardDescriptions.TryGetValue(name, out var standard) && code.IsSwitch == (name is "WhatIf" or "Confirm" or "IncludeTotalCount") ? [standard]
                : [$"{{{{ Fill {name} Description }}}}"]);
            result.Add("");
            foreach (var variant in Variants(command, code, pageParameter))
            {
                result.Add("```yaml");
                result.AddRange(YamlText(variant).TrimEnd('\n').Split('\n'));
                result.Add("```");
                result.Add("");
            }
        }

        result.Add("### CommonParameters");
        var common = descriptions.GetValueOrDefault("CommonParameters");
        result.AddRange(common is { Count: > 0 } ? common : [CommonParametersText]);
        result.Add("");
        return result;
    }

    private static List<string> TrimBlank(IEnumerable<string> lines)
    {
        var list = lines.ToList();
        while (list.Count > 0 && list[0].Trim().Length == 0) list.RemoveAt(0);
        while (list.Count > 0 && list[^1].Trim().Length == 0) list.RemoveAt(list.Count - 1);
        return list;
    }
}

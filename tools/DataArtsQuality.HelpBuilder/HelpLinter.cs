using System.Text.RegularExpressions;

namespace DataArtsQuality.HelpBuilder;

/// <summary>
/// The schema checks: Get-Help silently ignores MAML it cannot use, so a page that would lose its help is an error
/// here. With the compiled cmdlets at hand, the parameter metadata must also match the code.
/// </summary>
internal static partial class HelpLinter
{
    private static readonly string[] RequiredSections = ["SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS"];
    // WhatIf and Confirm are absent on purpose: they are documented as ordinary parameters.
    private static readonly string[] CommonParameterNames = ["Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction",
        "ProgressAction", "ErrorVariable", "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable"];

    [GeneratedRegex(@"\{\{.*?\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^[A-Za-z]+-[A-Za-z0-9]+$")]
    private static partial Regex VerbNoun();

    public static List<HelpProblem> CheckAbout(MarkdownDocument doc)
    {
        var problems = new List<HelpProblem>(doc.Problems);
        if (doc.Blocks.Count == 0 || doc.Blocks[0].Kind != BlockKind.Heading)
            problems.Add(new HelpProblem(doc.Path, null, Severity.Error, "MissingTitle", "An about topic must start with a '# about_Topic' heading."));
        var headings = doc.Blocks.Where(b => b.Kind == BlockKind.Heading).Select(b => b.Text.ToUpperInvariant()).ToList();
        foreach (string required in new[] { "SHORT DESCRIPTION", "LONG DESCRIPTION" })
        {
            if (!headings.Contains(required))
                problems.Add(new HelpProblem(doc.Path, null, Severity.Error, "MissingSection", $"About topic has no '# {required}' heading."));
        }
        return problems;
    }

    /// <summary>The problems of a command page; <paramref name="code"/> is the cmdlet when the assembly is known.</summary>
    public static List<HelpProblem> CheckCommand(CommandPage page, CodeCommand? code)
    {
        var problems = new List<HelpProblem>();
        string path = page.Path;
        var fm = page.Document.FrontMatter;
        if (!fm.TryGetValue("schema", out var schema))
        {
            problems.Add(new HelpProblem(path, null, Severity.Error, "Schema", "Front matter has no 'schema: 2.0.0'; the page would be skipped."));
            return problems;
        }
        if (schema != "2.0.0")
        {
            problems.Add(new HelpProblem(path, null, Severity.Error, "Schema", $"Unsupported schema '{schema}'; only 2.0.0 is supported."));
            return problems;
        }

        problems.AddRange(page.Problems);
        string? cmd = page.Name;
        if (cmd is null) return problems;
        void Add(Severity severity, string rule, string message, int line = 0) => problems.Add(new HelpProblem(path, cmd, severity, rule, message, line));

        if (string.IsNullOrWhiteSpace(fm.GetValueOrDefault("external help file")))
            Add(Severity.Warning, "MissingExternalHelpFile", "Front matter has no 'external help file'.");
        if (cmd != Path.GetFileNameWithoutExtension(path))
            Add(Severity.Warning, "TitleMismatch", $"Title '{cmd}' does not match the file name '{Path.GetFileNameWithoutExtension(path)}'.");
        if (!VerbNoun().IsMatch(cmd))
            Add(Severity.Warning, "NotVerbNoun", $"Title '{cmd}' is not a Verb-Noun command name.");

        foreach (string required in RequiredSections.Where(r => !page.SectionNames.Contains(r)))
            Add(Severity.Error, "MissingSection", $"Required section '## {required}' is missing.");
        var order = page.SectionNames.Select(s => Array.IndexOf(CommandPage.KnownSections, s)).ToList();
        for (int k = 1; k < order.Count; k++)
        {
            if (order[k] < order[k - 1])
            {
                Add(Severity.Warning, "SectionOrder", $"Section '## {page.SectionNames[k]}' is out of the platyPS order ({string.Join(", ", CommandPage.KnownSections)}).");
                break;
            }
        }

        foreach (var (key, text) in new[] { ("SYNOPSIS", page.Synopsis), ("DESCRIPTION", page.Description) })
        {
            if (page.SectionNames.Contains(key) && string.Join("", text).Trim().Length == 0)
                Add(Severity.Error, "EmptySection", $"Section '## {key}' is empty.");
        }
        var allText = page.Synopsis.Concat(page.Description).Concat(page.Notes)
            .Concat(page.Examples.SelectMany(e => e.Remarks.Prepend(e.Code).Prepend(e.Title)))
            .Concat(page.Parameters.SelectMany(p => p.Description));
        if (Placeholder().Match(string.Join("\n", allText)) is { Success: true } placeholder)
            Add(Severity.Error, "Placeholder", $"Page still contains a platyPS placeholder ('{placeholder.Value}').");

        if (page.SectionNames.Contains("EXAMPLES") && page.Examples.Count == 0)
            Add(Severity.Error, "NoExamples", "'## EXAMPLES' has no '### Example' entries.");
        foreach (var e in page.Examples.Where(e => !e.HasCode))
            Add(Severity.Error, "ExampleWithoutCode", $"Example '{e.Title}' has no code block.", e.Line);

        var defaults = page.SyntaxSets.Where(s => s.IsDefault && s.Name != ParameterVariant.AllSets).ToList();
        if (defaults.Count > 1)
            Add(Severity.Error, "MultipleDefaultSets", $"More than one parameter set is marked (Default): {string.Join(", ", defaults.Select(d => d.Name))}.");

        var documented = new Dictionary<string, PageParameter>(StringComparer.Ordinal);
        foreach (var p in page.Parameters)
        {
            if (documented.ContainsKey(p.Name))
                Add(Severity.Error, "DuplicateParameter", $"Parameter '-{p.Name}' is documented twice.", p.Line);
            documented[p.Name] = p;
            if (p.Yaml.Count == 0)
                Add(Severity.Error, "MissingParameterYaml", $"Parameter '-{p.Name}' has no yaml metadata block.", p.Line);
            else if (p.Variants.Any(v => v.Type.Length == 0))
                Add(Severity.Error, "MissingParameterType", $"Parameter '-{p.Name}' has no 'Type'.", p.Line);
            if (string.Join("", p.Description).Trim().Length == 0)
                Add(Severity.Error, "MissingParameterDescription", $"Parameter '-{p.Name}' has no description.", p.Line);
        }

        var namedSets = page.SyntaxSets.Where(s => s.Name != ParameterVariant.AllSets).Select(s => s.Name).ToList();
        var inSyntax = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in page.SyntaxSets)
        {
            foreach (string n in s.ParameterNames)
            {
                inSyntax.Add(n);
                if (CommonParameterNames.Contains(n)) continue;
                if (!documented.ContainsKey(n))
                    Add(Severity.Error, "UndocumentedParameter", $"Parameter '-{n}' appears in SYNTAX but has no '### -{n}' section.", s.Line);
            }
        }
        foreach (var p in page.Parameters)
        {
            if (!inSyntax.Contains(p.Name))
                Add(Severity.Warning, "ParameterNotInSyntax", $"Parameter '-{p.Name}' is documented but not shown in SYNTAX.", p.Line);
            if (namedSets.Count == 0) continue;
            foreach (string set in p.Variants.SelectMany(v => v.Sets).Where(s => s != ParameterVariant.AllSets && !namedSets.Contains(s)).Distinct())
                Add(Severity.Error, "UnknownParameterSet", $"Parameter '-{p.Name}' names set '{set}', which SYNTAX does not list.", p.Line);
        }
        // Each set's syntax line must list exactly the parameters the yaml puts in that set, otherwise the MAML
        // syntax (built from the yaml) differs from what the page shows.
        if (namedSets.Count > 0)
        {
            var items = page.SyntaxItems();
            foreach (var s in page.SyntaxSets.Where(s => s.Name != ParameterVariant.AllSets))
            {
                var fromYaml = items.First(i => i.Name == s.Name).Parameters.Select(v => v.Name).ToList();
                var shown = s.ParameterNames.Where(n => !CommonParameterNames.Contains(n) && documented.ContainsKey(n)).ToList();
                foreach (string n in shown.Where(n => !fromYaml.Contains(n)))
                    Add(Severity.Error, "SyntaxSetMismatch", $"SYNTAX set '{s.Name}' shows '-{n}', but its yaml does not put it in that set.", s.Line);
                foreach (string n in fromYaml.Where(n => !shown.Contains(n)))
                    Add(Severity.Error, "SyntaxSetMismatch", $"Yaml puts '-{n}' in set '{s.Name}', but that set's SYNTAX line does not show it.", s.Line);
            }
        }

        string syntaxText = string.Join("\n", page.SyntaxSets.Select(s => s.Code));
        if (syntaxText.Contains("<CommonParameters>", StringComparison.Ordinal) && !page.HasCommonParameters)
            Add(Severity.Warning, "MissingCommonParameters", "SYNTAX shows [<CommonParameters>] but PARAMETERS has no '### CommonParameters' entry.");

        if (code is not null)
        {
            foreach (string difference in PageRefresher.Differences(code, page))
                Add(Severity.Error, "CodeDrift", difference + "; run 'pwsh ./build.ps1 docs' to refresh the page from the code.");
        }
        return problems;
    }
}

using System.Diagnostics;
using System.Text;
using DataArtsQuality.HelpBuilder;

const string Usage = """
    DataArtsQuality.HelpBuilder: help from platyPS-schema markdown, parameter metadata from the compiled cmdlets.

      check  <docs> [--assembly <module.dll>]                 report schema problems (and drift from the code)
      build  <docs> --out <folder|file.xml> [--assembly <dll>] check, then write the MAML and about_*.help.txt
      update <docs> --assembly <dll> [--out <folder|file.xml>] rewrite SYNTAX and the parameter blocks from the code,
                                                              then check (and build, given --out)

    <docs> is a folder of pages (about_*.md are about topics; pages without front matter are skipped) or one page.
    Exit code 0: fine; 1: errors in the pages; 2: wrong usage or unreadable input.
    """;

try
{
    return Run(args);
}
catch (Exception ex) when (ex is HelpBuildException or IOException or UnauthorizedAccessException or BadImageFormatException)
{
    Console.Error.WriteLine("error: " + ex.Message);
    return 2;
}

static int Run(string[] args)
{
    if (args.Length < 2 || args[0] is not ("check" or "build" or "update"))
    {
        Console.Error.WriteLine(Usage);
        return 2;
    }
    string verb = args[0];
    string docs = args[1];
    string? assembly = null, output = null;
    for (int i = 2; i < args.Length; i++)
    {
        switch (args[i])
        {
            case "--assembly" when i + 1 < args.Length: assembly = args[++i]; break;
            case "--out" when i + 1 < args.Length: output = args[++i]; break;
            default:
                Console.Error.WriteLine($"Unknown argument '{args[i]}'.\n\n{Usage}");
                return 2;
        }
    }
    if ((verb == "build" && output is null) || (verb == "update" && assembly is null))
    {
        Console.Error.WriteLine(Usage);
        return 2;
    }

    var clock = Stopwatch.StartNew();
    var files = Directory.Exists(docs)
        ? Directory.GetFiles(docs, "*.md").OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal).ToList()
        : File.Exists(docs) ? [docs] : throw new HelpBuildException($"'{docs}' does not exist.");
    var code = assembly is null ? null : CodeCommand.LoadAssembly(assembly);

    var abouts = new List<MarkdownDocument>();
    var pages = new List<CommandPage>();
    foreach (string file in files)
    {
        var doc = MarkdownDocument.Load(file);
        if (Path.GetFileName(file).StartsWith("about_", StringComparison.OrdinalIgnoreCase)) abouts.Add(doc);
        else if (doc.HasFrontMatter) pages.Add(CommandPage.Parse(doc));
        // A page without front matter is not a help page (a README, say).
    }

    if (verb == "update")
    {
        int changed = 0;
        for (int i = 0; i < pages.Count; i++)
        {
            var page = pages[i];
            if (page.Name is null || !code!.TryGetValue(page.Name, out var command)) continue;
            string original = File.ReadAllText(page.Path);
            string refreshed = PageRefresher.Refresh(command, page);
            if (original.Contains("\r\n", StringComparison.Ordinal)) refreshed = refreshed.Replace("\n", "\r\n");
            if (refreshed == original) continue;
            File.WriteAllText(page.Path, refreshed, new UTF8Encoding(false));
            Console.WriteLine($"updated {page.Path}");
            pages[i] = CommandPage.Parse(MarkdownDocument.Parse(page.Path, refreshed));
            changed++;
        }
        if (Directory.Exists(docs))
        {
            // New cmdlets get a page to fill in; its placeholders fail the check until someone does.
            var model = pages.FirstOrDefault(p => p.Name is not null)?.Document.FrontMatter;
            string helpFile = model?.GetValueOrDefault("external help file") ?? Path.GetFileName(assembly!) + "-Help.xml";
            string moduleName = model?.GetValueOrDefault("Module Name") ?? Path.GetFileNameWithoutExtension(assembly!);
            var missing = code!.Values.Where(c => pages.All(p => !string.Equals(p.Name, c.Name, StringComparison.OrdinalIgnoreCase)));
            foreach (var command in missing.OrderBy(c => c.Name, StringComparer.Ordinal).ToList())
            {
                string path = Path.Combine(docs, command.Name + ".md");
                string text = PageRefresher.NewPage(command, helpFile, moduleName);
                File.WriteAllText(path, text, new UTF8Encoding(false));
                Console.WriteLine($"created {path}");
                pages.Add(CommandPage.Parse(MarkdownDocument.Parse(path, text)));
                changed++;
            }
        }
        Console.WriteLine($"{changed} page(s) refreshed or created from the code.");
    }

    var problems = new List<HelpProblem>();
    foreach (var about in abouts) problems.AddRange(HelpLinter.CheckAbout(about));
    foreach (var page in pages)
    {
        CodeCommand? command = null;
        if (code is not null && page.Name is not null && !code.TryGetValue(page.Name, out command))
            problems.Add(new HelpProblem(page.Path, page.Name, Severity.Error, "UnknownCommand", $"The assembly has no cmdlet named '{page.Name}'."));
        problems.AddRange(HelpLinter.CheckCommand(page, command));
    }
    if (code is not null && Directory.Exists(docs))
    {
        foreach (string name in code.Keys.Where(n => pages.All(p => !string.Equals(p.Name, n, StringComparison.OrdinalIgnoreCase))).Order())
            problems.Add(new HelpProblem(Path.Combine(docs, name + ".md"), name, Severity.Error, "MissingPage", $"Cmdlet '{name}' has no help page."));
    }
    foreach (var problem in problems) Console.Error.WriteLine(problem);
    int errors = problems.Count(p => p.Severity == Severity.Error);
    if (errors > 0)
    {
        Console.Error.WriteLine($"{errors} help error(s); nothing written.");
        return 1;
    }

    if (output is not null)
    {
        bool toFile = output!.EndsWith(".xml", StringComparison.OrdinalIgnoreCase);
        string folder = toFile ? Path.GetDirectoryName(Path.GetFullPath(output))! : output;
        var commandPages = pages.Where(p => p.Name is not null).ToList();
        if (commandPages.Count > 0)
        {
            string helpFile = commandPages.Select(p => p.Document.FrontMatter.GetValueOrDefault("external help file"))
                .FirstOrDefault(f => !string.IsNullOrWhiteSpace(f)) ?? "DataArtsQuality.dll-Help.xml";
            string mamlPath = toFile ? output : Path.Combine(folder, helpFile);
            MamlWriter.Write(commandPages, mamlPath);
            Console.WriteLine(mamlPath);
        }
        foreach (var about in abouts)
        {
            string target = Path.Combine(folder, Path.GetFileNameWithoutExtension(about.Path) + ".help.txt");
            AboutTopicWriter.Write(about, target);
            Console.WriteLine(target);
        }
    }
    Console.Error.WriteLine($"help: {pages.Count} command page(s), {abouts.Count} about topic(s) in {clock.ElapsedMilliseconds} ms");
    return 0;
}

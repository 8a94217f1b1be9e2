using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace DataArtsQuality.HelpBuilder;

/// <summary>Writes command pages as MAML, element for element what platyPS's New-ExternalHelp writes.</summary>
internal static partial class MamlWriter
{
    private const string Msh = "http://msh";
    private const string Maml = "http://schemas.microsoft.com/maml/2004/10";
    private const string Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private const string Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
    private const string MsHelp = "http://msdn.microsoft.com/mshelp";

    [GeneratedRegex(@"[^\u0009\u000A\u000D\u0020-\uFFFD]")]
    private static partial Regex InvalidXmlChars();

    // XmlWriter refuses control characters; a stray one in markdown must not break the build.
    private static string Clean(string? text) => text is null ? "" : InvalidXmlChars().Replace(text, "");

    public static void Write(IEnumerable<CommandPage> pages, string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        // XML declares its encoding, so no BOM is needed (the about text file is another matter).
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", Encoding = new UTF8Encoding(false) };
        using var w = XmlWriter.Create(path, settings);
        w.WriteStartDocument();
        w.WriteStartElement("helpItems", Msh);
        w.WriteAttributeString("schema", "maml");
        foreach (var page in pages) WriteCommand(w, page);
        w.WriteEndElement();
        w.WriteEndDocument();
    }

    private static void Paras(XmlWriter w, IEnumerable<string> paragraphs)
    {
        foreach (string p in paragraphs) w.WriteElementString("para", Maml, Clean(p));
    }

    private static void WriteParameter(XmlWriter w, ParameterVariant v, bool inSyntax)
    {
        w.WriteStartElement("parameter", Command);
        w.WriteAttributeString("required", v.Required ? "true" : "false");
        w.WriteAttributeString("variableLength", "true");
        w.WriteAttributeString("globbing", v.Globbing ? "true" : "false");
        w.WriteAttributeString("pipelineInput", v.PipelineInput);
        w.WriteAttributeString("position", v.Position);
        w.WriteAttributeString("aliases", v.Aliases.Count > 0 ? string.Join(", ", v.Aliases) : "none");
        w.WriteElementString("name", Maml, v.Name);
        w.WriteStartElement("description", Maml);
        Paras(w, v.Description);
        w.WriteEndElement();
        if (inSyntax && v.AcceptedValues.Count > 0)
        {
            w.WriteStartElement("parameterValueGroup", Command);
            foreach (string value in v.AcceptedValues)
            {
                w.WriteStartElement("parameterValue", Command);
                w.WriteAttributeString("required", "false");
                // Namespaced on purpose: this is what platyPS emits and what existing MAML contains.
                w.WriteAttributeString("variableLength", Command, "false");
                w.WriteString(Clean(value));
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        // Switches carry no value placeholder in syntax, otherwise Get-Help prints "-Force <SwitchParameter>".
        if (!inSyntax || !v.IsSwitch)
        {
            w.WriteStartElement("parameterValue", Command);
            w.WriteAttributeString("required", v.IsSwitch ? "false" : "true");
            w.WriteAttributeString("variableLength", "false");
            w.WriteString(v.Type);
            w.WriteEndElement();
        }
        w.WriteStartElement("type", Dev);
        w.WriteElementString("name", Maml, v.Type);
        w.WriteStartElement("uri", Maml);
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteElementString("defaultValue", Dev, Clean(v.DefaultValue));
        w.WriteEndElement();
    }

    /// <summary>Same dash padding as platyPS, so titles look like the ones in PowerShell's own help.</summary>
    public static string ExampleTitle(string title)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Length >= 62) return title;
        string pad = new('-', (64 - title.Length - 2) / 2);
        return $"{pad} {title} {pad}";
    }

    private static void WriteCommand(XmlWriter w, CommandPage page)
    {
        string name = page.Name!;
        int dash = name.IndexOf('-');
        string verb = dash >= 0 ? name[..dash] : name;
        string noun = dash >= 0 ? name[(dash + 1)..] : "";

        w.WriteStartElement("command", "command", Command);
        w.WriteAttributeString("xmlns", "maml", null, Maml);
        w.WriteAttributeString("xmlns", "command", null, Command);
        w.WriteAttributeString("xmlns", "dev", null, Dev);
        w.WriteAttributeString("xmlns", "MSHelp", null, MsHelp);

        w.WriteStartElement("details", Command);
        w.WriteElementString("name", Command, name);
        w.WriteElementString("verb", Command, verb);
        w.WriteElementString("noun", Command, noun);
        w.WriteStartElement("description", Maml);
        Paras(w, page.Synopsis);
        w.WriteEndElement();
        w.WriteEndElement();

        w.WriteStartElement("description", Maml);
        Paras(w, page.Description);
        w.WriteEndElement();

        w.WriteStartElement("syntax", Command);
        foreach (var (_, parameters) in page.SyntaxItems())
        {
            w.WriteStartElement("syntaxItem", Command);
            w.WriteElementString("name", Maml, name);
            foreach (var v in parameters) WriteParameter(w, v, inSyntax: true);
            w.WriteEndElement();
        }
        w.WriteEndElement();

        w.WriteStartElement("parameters", Command);
        foreach (var p in page.Parameters) WriteParameter(w, p.Variants[0], inSyntax: false);
        w.WriteEndElement();

        foreach (var (list, item, entries) in new[] { ("inputTypes", "inputType", page.Inputs), ("returnValues", "returnValue", page.Outputs) })
        {
            w.WriteStartElement(list, Command);
            foreach (var entry in entries)
            {
                w.WriteStartElement(item, Command);
                w.WriteStartElement("type", Dev);
                w.WriteElementString("name", Maml, Clean(entry.TypeName));
                w.WriteEndElement();
                w.WriteStartElement("description", Maml);
                Paras(w, entry.Description);
                w.WriteEndElement();
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }

        w.WriteStartElement("alertSet", Maml);
        w.WriteStartElement("alert", Maml);
        Paras(w, page.Notes);
        w.WriteEndElement();
        w.WriteEndElement();

        w.WriteStartElement("examples", Command);
        foreach (var e in page.Examples)
        {
            w.WriteStartElement("example", Command);
            w.WriteElementString("title", Maml, Clean(ExampleTitle(e.Title)));
            w.WriteElementString("code", Dev, Clean(e.Code));
            w.WriteStartElement("remarks", Dev);
            Paras(w, e.Remarks);
            w.WriteEndElement();
            w.WriteEndElement();
        }
        w.WriteEndElement();

        var links = new List<RelatedLink>();
        string online = page.Document.FrontMatter.GetValueOrDefault("online version", "").Trim();
        if (online.Length > 0 && !(page.Links.Count > 0 && page.Links[0].Uri == online)) links.Add(new RelatedLink("Online Version:", online));
        links.AddRange(page.Links);
        w.WriteStartElement("relatedLinks", Command);
        foreach (var link in links)
        {
            // Relative links (other markdown pages) mean nothing to Get-Help, and Windows PowerShell chokes on a
            // non-absolute uri, so only the text is kept.
            bool absolute = Uri.TryCreate(link.Uri, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "ftp" or "mailto";
            w.WriteStartElement("navigationLink", Maml);
            w.WriteElementString("linkText", Maml, Clean(link.Text));
            w.WriteStartElement("uri", Maml);
            w.WriteString(absolute ? link.Uri : "");
            w.WriteEndElement();
            w.WriteEndElement();
        }
        w.WriteEndElement();

        w.WriteEndElement();
    }
}

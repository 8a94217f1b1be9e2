namespace DataArtsQuality.HelpBuilder;

internal enum Severity { Error, Warning }

/// <summary>One thing wrong with a help page; errors stop the build, warnings are printed.</summary>
internal sealed record HelpProblem(string Path, string? Command, Severity Severity, string Rule, string Message, int Line = 0)
{
    public override string ToString()
    {
        string where = Line > 0 ? $"{Path}:{Line}" : Path;
        string severity = Severity == Severity.Error ? "error" : "warning";
        return $"{severity} {Rule} {where}{(Command is null ? "" : " " + Command)}: {Message}";
    }
}

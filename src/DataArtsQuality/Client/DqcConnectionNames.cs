namespace DataArtsQuality.Client;

/// <summary>
/// The one place that maps a connection name the user typed (-Name, -Connection) to a
/// <see cref="DqcConnectionRole"/>. Users type and see "default" for the default connection, so it is kept as text
/// for them; everywhere else the role is asked, not the text.
/// </summary>
internal static class DqcConnectionNames
{
    /// <summary>The name the default connection shows (Get-DqcContext, messages) and users may type for it.</summary>
    public const string Default = "default";

    /// <summary>"default" in any case is the default connection; any other text names a named connection.</summary>
    public static DqcConnectionRole RoleOf(string name) =>
        string.Equals(name, Default,
            StringComparison.OrdinalIgnoreCase) ? DqcConnectionRole.Default : DqcConnectionRole.Named;

    /// <summary>A connection's name as given, trimmed; none (blank) is the default connection's.</summary>
    public static string Normalize(string? name) => string.IsNullOrWhiteSpace(name) ? Default : name!.Trim();
}

using System.Reflection;
using Xunit;

namespace DataArtsQuality.Tests;

/// <summary>Every case the Mono lane excludes says why, and README's "What is tested where" lists that reason word for
/// word.</summary>
public class NetFxExclusionsTests
{
    [Fact]
    public void Each_excluded_case_has_a_one_line_reason_that_the_README_lists()
    {
        var reasons = typeof(NetFxExclusionsTests).Assembly.GetTypes()
            .SelectMany(t => t
                .GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
                .Cast<MemberInfo>().Append(t))
            .Select(m => m.GetCustomAttribute<NetFxExcludedAttribute>()).Where(a => a is not null)
            .Select(a => a!.Reason).ToList();
        Assert.NotEmpty(reasons);
        // Whitespace collapsed: the README wraps its lines.
        string readme = System.Text.RegularExpressions.Regex.Replace(
            File.ReadAllText(Path.Combine(RepoRoot(), "README.md")), @"\s+", " ");
        foreach (string reason in reasons)
        {
            Assert.DoesNotContain('\n', reason);
            Assert.Contains(reason, readme);
        }
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DataArtsQuality.slnx"))) return dir.FullName;
        throw new InvalidOperationException(
            "The repository root (DataArtsQuality.slnx) is not above " + AppContext.BaseDirectory);
    }
}

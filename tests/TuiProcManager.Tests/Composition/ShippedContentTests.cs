using TuiProcManager.Composition;
using TuiProcManager.Core.Os;

namespace TuiProcManager.Tests.Composition;

/// <summary>
/// What the app carries inside its binary: every file of the repository's themes/ and of the labs' Content/,
/// byte for byte, under the names the folders beside the app use, and nothing else.
/// </summary>
public sealed class ShippedContentTests
{
    private static readonly string Repo = FindRepo();

    [Fact]
    public void BuiltIn_IsEveryFileOfThemesAndLabsContent_ByteForByte_AndNothingElse()
    {
        Dictionary<string, string> sources = new(StringComparer.Ordinal);
        foreach ((string folder, string name) in new[] { (Path.Combine(Repo, "themes"), "themes"), (Path.Combine(Repo, "src", "TuiProcManager.Labs", "Content"), "labs") })
        {
            foreach (string file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                sources[name + "/" + Path.GetRelativePath(folder, file)] = file;
            }
        }

        Assert.True(sources.Count >= 18, $"expected the ten themes, their README and the labs' eight files, found {sources.Count}");
        Assert.Equal(sources.Keys.Order(StringComparer.Ordinal), ShippedContent.Files.Names);
        foreach ((string name, string file) in sources)
        {
            byte[]? built = ShippedContent.Files.Read(BuiltInFiles.PathOf(name), int.MaxValue, out string? problem);
            Assert.True(built is not null, $"{name}: {problem ?? "not built in"}");
            Assert.True(File.ReadAllBytes(file).AsSpan().SequenceEqual(built), $"{name} differs from {file}");
        }
    }

    [Fact]
    public void Folders_ListTheBuiltInFiles_AsBuiltIn_WhenNothingIsBesideTheApp()
    {
        ShippedFolder themes = ShippedContent.Files.Folder("themes", "/nonexistent/themes");
        ShippedFolder labs = ShippedContent.Files.Folder("labs", "/nonexistent/labs");

        Assert.Equal(
            ["catppuccin-mocha", "dracula", "gruvbox-dark", "nord", "solarized-dark", "solarized-light", "tuiproc-dark", "tuiproc-high-contrast", "tuiproc-light", "tuiproc-mono"],
            themes.List("*.json").Select(f => f.StartsWith("(built in) themes/", StringComparison.Ordinal) && f.EndsWith(".json", StringComparison.Ordinal) ? f["(built in) themes/".Length..^".json".Length] : f));
        Assert.Equal(5, labs.List("*.lab.json").Count);
        Assert.Equal("(built in) labs/explain.json", labs.Find("explain.json"));
        Assert.Equal("/nonexistent/labs/none.json", labs.Find("none.json"));
    }

    [Fact]
    public void ABuiltInPath_ThisBuildLacks_ReadsAsNotThere()
    {
        Assert.Null(ShippedContent.Files.Read(BuiltInFiles.PathOf("themes/none.json"), 1024, out string? problem));
        Assert.Null(problem);
    }

    /// <summary>The repository the tests were built from: the folder above them holding TuiProcManager.sln.</summary>
    private static string FindRepo()
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "TuiProcManager.sln")))
            {
                return d.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no TuiProcManager.sln above {AppContext.BaseDirectory}");
    }
}

using TuiProcManager.Core.Os;
using TuiProcManager.Labs.Catalog;
using TuiProcManager.Labs.Explaining;
using TuiProcManager.Labs.Format;
using TuiProcManager.Labs.Sessions;
using TuiProcManager.Labs.Tests.TestSupport;

namespace TuiProcManager.Labs.Tests.Catalog;

/// <summary>
/// The shipped labs travel inside the binary; a labs/ folder beside the app replaces a built-in file of the
/// same name (a broken one is named, and the built-in one does not stand in for it) and adds its others.
/// </summary>
public sealed class ShippedLabCatalogTests : IDisposable
{
    private readonly string _beside = Directory.CreateTempSubdirectory("tuiproc-labs-beside-").FullName;

    public void Dispose() => Directory.Delete(_beside, recursive: true);

    private LabCatalog Load() => LabCatalog.Load(ShippedLabs.Files.Folder("labs", _beside));

    [Fact]
    public void BuiltIn_AloneWithoutAFolder_HasTheFiveLabs_NamedAsBuiltIn()
    {
        LabCatalog catalog = LabCatalog.Load(ShippedLabs.Files.Folder("labs", "/nonexistent/labs"));

        Assert.Empty(catalog.Problems);
        Assert.Equal(["1", "2", "3", "4", "5"], catalog.Labs.Select(l => l.Id));
        Lab lesson = catalog.Find("lesson");
        Assert.Equal("(built in) labs/1-lesson.lab.json", lesson.Source);
        Assert.Equal("1", ProgressStore.KeyFor(lesson.Id, lesson.Source, catalog.IsShipped(lesson))); // progress kept under the lab's id, as before
    }

    [Fact]
    public void FileBesideTheApp_ReplacesTheBuiltInLabOfItsName()
    {
        string file = Path.Combine(_beside, "1-lesson.lab.json");
        File.WriteAllText(file, Lab("1", "lesson", "The teacher's own lesson"));

        LabCatalog catalog = Load();

        Assert.Empty(catalog.Problems);
        Assert.Equal(5, catalog.Labs.Count);
        Assert.Equal("The teacher's own lesson", catalog.Find("1").Title);
        Assert.Equal(file, catalog.Find("1").Source);
        Assert.Equal("(built in) labs/2-cpus.lab.json", catalog.Find("2").Source);
    }

    [Fact]
    public void LabOnlyBesideTheApp_JoinsTheBuiltInOnes()
    {
        File.WriteAllText(Path.Combine(_beside, "6-extra.lab.json"), Lab("6", "extra", "An extra lab"));

        LabCatalog catalog = Load();

        Assert.Equal(["1", "2", "3", "4", "5", "6"], catalog.Labs.Select(l => l.Id));
        Assert.Equal("An extra lab", catalog.Find("extra").Title);
    }

    [Fact]
    public void BrokenFileBesideTheApp_IsNamedByItsPath_AndTheBuiltInOneDoesNotStandInForIt()
    {
        string file = Path.Combine(_beside, "3-signals.lab.json");
        File.WriteAllText(file, "{ \"format\": \"tuiproc-lab/1\", ");

        LabCatalog catalog = Load();

        Assert.StartsWith(file + ":1:", Assert.Single(catalog.Problems), StringComparison.Ordinal);
        Assert.DoesNotContain(catalog.Labs, l => l.Id == "3");
    }

    [Fact]
    public void ExplainTexts_BesideTheApp_AreFoundFirst_ElseTheBuiltInOnes()
    {
        ShippedFolder labs = ShippedLabs.Files.Folder("labs", _beside);
        Assert.Equal("(built in) labs/explain.json", labs.Find("explain.json"));

        string beside = Path.Combine(_beside, "explain.json");
        File.WriteAllText(beside, "{ not json");

        Assert.Equal(beside, labs.Find("explain.json"));
        Assert.StartsWith(beside + ":1:", Assert.Throws<LabFormatException>(() => ExplainTexts.Load(labs.Files, labs.Find("explain.json"))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BuiltInFile_OverTheReadersLimit_IsRefusedWithTheSameWords()
    {
        byte[]? bytes = ShippedLabs.Files.Read(ShippedLabs.PathOf("explain.json"), 1024, out string? problem);

        Assert.Null(bytes);
        Assert.Equal("larger than 1 KiB", problem);
        Assert.Equal("(built in) labs/explain.json: larger than 1 KiB", Assert.Throws<LabFormatException>(() => ExplainTexts.Load(new Limited(ShippedLabs.Files, 1024), ShippedLabs.PathOf("explain.json"))).Message);
    }

    private static string Lab(string id, string name, string title) => $$"""
        { "format": "tuiproc-lab/1", "id": "{{id}}", "name": "{{name}}", "title": "{{title}}", "summary": "s",
          "steps": [ { "id": "a", "title": "Start one", "text": ["t"], "check": { "spawned": { "kind": "square" } }, "done": "d" } ] }
        """;

    /// <summary>A reader that passes a smaller limit than asked for, to reach the built-in files' limit check from a loader.</summary>
    private sealed class Limited(IRegularFileReader inner, int max) : IRegularFileReader
    {
        public byte[]? Read(string path, int maxBytes, out string? problem) => inner.Read(path, Math.Min(max, maxBytes), out problem);
    }
}

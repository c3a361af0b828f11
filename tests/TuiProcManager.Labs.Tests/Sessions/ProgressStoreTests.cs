using TuiProcManager.Labs.Sessions;
using TuiProcManager.Labs.Tests.TestSupport;
using TuiProcManager.Linux.Files;

namespace TuiProcManager.Labs.Tests.Sessions;

public sealed class ProgressStoreTests : IDisposable
{
    private readonly string _dir = Path.Combine(Directory.CreateTempSubdirectory("tuiproc-progress-").FullName, "state", "tuiproc", "labs");

    [Fact]
    public void Save_ThenLoad_RoundTrips_FileAndDirectoryForTheUserOnly()
    {
        ProgressStore store = new(RegularFileReader.Instance, _dir);
        LabSession session = new(TestLabs.FourSteps, null, DateTimeOffset.UnixEpoch, 2);
        session.ShowHint();

        Assert.Null(store.Save("t", session.Progress(DateTimeOffset.UnixEpoch.AddSeconds(12))));
        LabProgress? back = store.Load("t", out string? problem);

        Assert.Null(problem);
        Assert.NotNull(back);
        Assert.Equal((12.0, 1), (back.ActiveSeconds, back.Steps["start"].HintsShown));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store.PathOf("t")!));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_dir));
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"format": "tuiproc-lab-progress/9", "lab": "1", "title": "x"}""")]
    [InlineData("[]")]
    public void Load_ABrokenFile_IsMovedAside_NeverLost_AndSaidInOneLine(string content)
    {
        ProgressStore store = new(RegularFileReader.Instance, _dir);
        Directory.CreateDirectory(_dir);
        File.WriteAllText(store.PathOf("1")!, content);

        Assert.Null(store.Load("1", out string? problem));

        Assert.NotNull(problem);
        Assert.Contains("it was kept as", problem, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', problem);
        Assert.Equal(content, File.ReadAllText(store.PathOf("1") + ".broken"));
        Assert.False(File.Exists(store.PathOf("1")));
    }

    [Fact]
    public void KeyFor_ShippedLab_IsItsId_AnOwnFile_HasItsPathsHash()
    {
        Assert.Equal("1", ProgressStore.KeyFor("1", "/anywhere/1-lesson.lab.json", shipped: true));
        string a = ProgressStore.KeyFor("1", "/home/a/lab.json", shipped: false);
        string b = ProgressStore.KeyFor("1", "/home/b/lab.json", shipped: false);
        Assert.StartsWith("file-1-", a, StringComparison.Ordinal);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Save_WithNowhereToSave_SaysSo()
    {
        Assert.Equal("no home directory to save lab progress in", new ProgressStore(RegularFileReader.Instance, null).Save("1", new LabProgress { Lab = "1", Title = "t" }));
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(_dir)))!, recursive: true);
}

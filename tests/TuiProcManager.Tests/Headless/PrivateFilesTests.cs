using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.Headless;

/// <summary>
/// --events and --results hold worker output: readable by their owner only. The create mode only applies
/// to a new file, so an existing 0644 file opened with truncate used to stay 0644 (the bug pinned here).
/// </summary>
public sealed class PrivateFilesTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task EventsAndResults_New_AreCreatedForTheOwnerOnly()
    {
        using TempFile events = new(".jsonl");
        using TempFile results = new(".json");

        (int code, _, string stderr) = await Tuiproc.RunAsync("run", "--events", events.Path, "--results", results.Path, "square:3");

        Assert.True(code == 0, stderr);
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(events.Path));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(results.Path));
    }

    [Fact]
    public async Task EventsAndResults_ExistingWorldReadable_BecomeOwnerOnly_AndAreReplaced()
    {
        using TempFile events = new(".jsonl", "old events\n");
        using TempFile results = new(".json", "old results\n");
        const UnixFileMode worldReadable = OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead; // 0644
        File.SetUnixFileMode(events.Path, worldReadable);
        File.SetUnixFileMode(results.Path, worldReadable);

        (int code, _, string stderr) = await Tuiproc.RunAsync("run", "--events", events.Path, "--results", results.Path, "square:3");

        Assert.True(code == 0, stderr);
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(events.Path));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(results.Path));
        Assert.DoesNotContain("old", File.ReadAllText(events.Path), StringComparison.Ordinal);
        Assert.Contains("\"result\": \"9\"", File.ReadAllText(results.Path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventsPathThatIsADirectory_RefusedBeforeAnythingStarts_TheResultsFileKeepsItsContent()
    {
        using TempFile results = new(".json", "kept\n");
        string directory = Directory.CreateTempSubdirectory("tuiproc-events-").FullName;
        try
        {
            (int code, string stdout, string stderr) = await Tuiproc.RunAsync("run", "--events", directory, "--results", results.Path, "square:3");

            Assert.Equal(2, code);
            Assert.Equal("", stdout); // no worker ran: its line would be here
            Assert.Equal($"tuiproc: cannot write the events file '{directory}': it is a directory\n", stderr);
            Assert.Empty(Directory.EnumerateFileSystemEntries(directory));
            Assert.Equal("kept\n", File.ReadAllText(results.Path)); // opened first, but truncated only once both were
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

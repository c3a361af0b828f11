using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.Headless;

/// <summary>
/// --events and --results hold worker output. A file created for them is readable by its owner only
/// (0600, O_CREAT|O_EXCL); anything else keeps its mode, as under a shell's &gt; (tuiproc often runs as
/// root, where a chmod reaches anything: --events /dev/null once made /dev/null 0600 for the machine).
/// An existing regular file that others can read is written, and a note says its mode was left alone.
/// </summary>
public sealed class PrivateFilesTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode WorldReadable = OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead; // 0644

    [Fact]
    public async Task EventsAndResults_New_AreCreatedForTheOwnerOnly()
    {
        using TempFile events = new(".jsonl");
        using TempFile results = new(".json");

        (int code, _, string stderr) = await Tuiproc.RunAsync("run", "--events", events.Path, "--results", results.Path, "square:3");

        Assert.True(code == 0, stderr);
        Assert.Equal("", stderr); // no note: nothing was there before
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(events.Path));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(results.Path));
    }

    [Fact]
    public async Task EventsAndResults_ExistingWorldReadable_KeepTheirMode_AreReplaced_AndANoteSaysSo()
    {
        using TempFile events = new(".jsonl", "old events\n");
        using TempFile results = new(".json", "old results\n");
        File.SetUnixFileMode(events.Path, WorldReadable);
        File.SetUnixFileMode(results.Path, WorldReadable);

        (int code, _, string stderr) = await Tuiproc.RunAsync("run", "--events", events.Path, "--results", results.Path, "square:3");

        Assert.True(code == 0, stderr);
        Assert.Equal(WorldReadable, File.GetUnixFileMode(events.Path));
        Assert.Equal(WorldReadable, File.GetUnixFileMode(results.Path));
        Assert.DoesNotContain("old", File.ReadAllText(events.Path), StringComparison.Ordinal);
        Assert.Contains("\"result\": \"9\"", File.ReadAllText(results.Path), StringComparison.Ordinal);
        Assert.Equal(
            [
                $"tuiproc: note: {results.Path} is readable by other users (mode 0644); its mode was left as it was",
                $"tuiproc: note: {events.Path} is readable by other users (mode 0644); its mode was left as it was",
            ],
            stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Events_ExistingOwnerOnly_NoNote()
    {
        using TempFile events = new(".jsonl", "old events\n");
        File.SetUnixFileMode(events.Path, OwnerOnly);

        (int code, _, string stderr) = await Tuiproc.RunAsync("run", "--events", events.Path, "square:3");

        Assert.Equal((0, ""), (code, stderr));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(events.Path));
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

    [Fact]
    public async Task Events_ADanglingSymlink_IsRefused_ItsTargetIsNotCreated()
    {
        // A link planted where a file is expected must not choose what root creates: a shell's > would
        // create the target; tuiproc refuses and names it.
        using SpecialFiles dir = new();
        (string link, string target) = dir.DanglingLink("events.jsonl");

        (int code, string stdout, string stderr) = await Tuiproc.RunAsync("run", "--events", link, "square:3");

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal($"tuiproc: cannot write the events file '{link}': it is a symbolic link to '{target}', which does not exist (create the file first, or name it directly)\n", stderr);
        Assert.False(File.Exists(target));
        Assert.Equal(target, new FileInfo(link).LinkTarget);
    }

    [Fact]
    public async Task Events_ASymlinkToAnExistingFile_IsFollowed_TheLinkStays_TheTargetKeepsItsMode()
    {
        using SpecialFiles dir = new();
        string target = dir.PathOf("real.jsonl");
        File.WriteAllText(target, "old\n");
        File.SetUnixFileMode(target, OwnerOnly | UnixFileMode.GroupRead); // 0640
        string link = dir.PathOf("events.jsonl");
        File.CreateSymbolicLink(link, target);

        (int code, _, string stderr) = await Tuiproc.RunAsync("run", "--events", link, "square:3");

        Assert.True(code == 0, stderr);
        Assert.Contains("(mode 0640); its mode was left as it was", stderr, StringComparison.Ordinal);
        Assert.Equal(target, new FileInfo(link).LinkTarget);
        Assert.Equal(OwnerOnly | UnixFileMode.GroupRead, File.GetUnixFileMode(target));
        Assert.Contains(Tuiproc.ReadEvents(target), e => e.GetProperty("type").GetString() == "joined");
    }

    [Fact]
    public async Task EventsAndResults_TheSameFile_RefusedBeforeAnythingStarts_NothingCreatedOrChanged()
    {
        using TempFile fresh = new(".json");
        using TempFile existing = new(".json", "kept\n");
        foreach (string path in new[] { fresh.Path, existing.Path })
        {
            (int code, string stdout, string stderr) = await Tuiproc.RunAsync("run", "--events", path, "--results", path, "square:3");

            Assert.Equal(2, code);
            Assert.Equal("", stdout);
            Assert.Equal($"tuiproc: --events and --results name the same file ('{path}'); give each a file of its own\n", stderr);
        }

        Assert.False(File.Exists(fresh.Path)); // created by the first open, removed when the second was refused
        Assert.Equal("kept\n", File.ReadAllText(existing.Path));
    }

    [Fact]
    public async Task EventsAndResults_TwoNamesOfOneFile_AreRefusedToo()
    {
        using SpecialFiles dir = new();
        string results = dir.PathOf("r.json");
        File.WriteAllText(results, "kept\n");
        string link = dir.PathOf("link.json");
        File.CreateSymbolicLink(link, results);

        (int code, _, string stderr) = await Tuiproc.RunAsync("run", "--events", link, "--results", results, "square:3");

        Assert.Equal(2, code);
        Assert.Equal($"tuiproc: --events and --results name the same file ('{link}' and '{results}'); give each a file of its own\n", stderr);
        Assert.Equal("kept\n", File.ReadAllText(results));
    }
}

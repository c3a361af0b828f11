using TuiProcManager.Tests.EndToEnd;
using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.Labs;

/// <summary>
/// <c>tuiproc lab FILE</c> with a FILE that is not a regular file, or too large: one line, exit 2, at once.
/// A progress file that cannot be used is said on stderr and kept, never replaced. Pinned: a corrupt
/// progress file was moved to .broken without a word by <c>tuiproc lab</c>, and a second corruption
/// replaced the first .broken.
/// </summary>
public sealed class LabSpecialFileTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("tuiproc-labfile-").FullName;

    private Dictionary<string, string> Env => new() { ["XDG_STATE_HOME"] = Path.Combine(_home, "state") };

    private string Progress => Path.Combine(_home, "state", "tuiproc", "labs", "1.json");

    [Theory]
    [InlineData("<fifo>", "a FIFO, not a regular file")]
    [InlineData("<link to /dev/zero>", "a character device, not a regular file")]
    [InlineData("<socket>", "a socket, not a regular file")]
    [InlineData("<100 MB>", "larger than 1 MiB")]
    public async Task Lab_AFileThatIsNotARegularFile_OneLine_Exit2(string kind, string expected)
    {
        string path = Path.Combine(_home, "my.lab.json");
        UiSpecialFileTests.Make(path, kind);

        (int code, string stdout, string stderr) = await Tuiproc.RunAsync(Env, "lab", path);

        Assert.Equal((2, "", $"tuiproc: lab file {path}: {expected}\n"), (code, stdout, stderr));
    }

    [Fact]
    public async Task Lab_ADirectory_OneLine_Exit2()
    {
        string path = Directory.CreateDirectory(Path.Combine(_home, "dir.json")).FullName;

        (int code, _, string stderr) = await Tuiproc.RunAsync(Env, "lab", path);

        Assert.Equal((2, $"tuiproc: lab file {path}: a directory, not a regular file\n"), (code, stderr));
    }

    [Fact]
    public async Task LabList_TwoCorruptionsInARow_EachSaidOnStderr_BothBackupsKept()
    {
        UiSpecialFileTests.Make(Progress, "first corruption");
        (int code1, _, string stderr1) = await Tuiproc.RunAsync(Env, "lab");
        File.WriteAllText(Progress, "second corruption");
        (int code2, _, string stderr2) = await Tuiproc.RunAsync(Env, "lab");

        Assert.Equal((0, $"tuiproc: progress file {Progress}: not valid JSON (line 1); it was kept as {Progress}.broken and the lab starts over\n"), (code1, stderr1));
        Assert.Equal((0, $"tuiproc: progress file {Progress}: not valid JSON (line 1); it was kept as {Progress}.broken-2 and the lab starts over\n"), (code2, stderr2));
        Assert.Equal("first corruption", File.ReadAllText(Progress + ".broken"));
        Assert.Equal("second corruption", File.ReadAllText(Progress + ".broken-2"));
    }

    [Fact]
    public async Task LabReport_AProgressFifo_IsSaidOnStderr_AndTheReportIsOfAFreshStart()
    {
        UiSpecialFileTests.Make(Progress, "<fifo>");

        (int code, string stdout, string stderr) = await Tuiproc.RunAsync(Env, "lab", "1", "--report");

        Assert.Equal(0, code);
        Assert.Equal($"tuiproc: progress file {Progress}: a FIFO, not a regular file; it was kept as {Progress}.broken and the lab starts over\n", stderr);
        Assert.NotEmpty(stdout);
    }

    public void Dispose() => Directory.Delete(_home, recursive: true);
}

using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.Headless;

/// <summary>
/// <c>tuiproc run</c> into a pipe: a worker's line over the 1 MiB limit is cut, and what tuiproc says
/// about it goes to stderr as its own line, naming the worker, never into the worker's stdout stream.
/// Pinned: "… [line cut at 1,048,576 bytes]" and "… [N more bytes of the cut line dropped]" were written
/// into stdout, in the middle of the worker's data.
/// </summary>
public sealed class RunLineCutTests
{
    private const int Limit = 1024 * 1024;

    [Fact]
    public async Task Run_IntoAPipe_ALineOverTheLimit_KeepsItsFirstMegabyteOnStdout_AndTheNotesGoToStderr()
    {
        using TempFile script = new(".py", "import sys\nsys.stdout.write('before\\n' + 'x' * 3000000 + '\\nafter\\n')\n");

        (int code, string stdout, string stderr) = await Tuiproc.RunAsync("run", "--cmd", "python3 " + script.Path);

        Assert.Equal(0, code);
        Assert.Equal("before\n" + new string('x', Limit) + "\nafter\nDone!\n", stdout);
        Assert.Contains("tuiproc: worker 1 (python3 ", stderr, StringComparison.Ordinal);
        Assert.Contains("): output line 2 (stdout) is longer than 1,048,576 bytes: it was cut there, the rest is dropped\n", stderr, StringComparison.Ordinal);
        Assert.Contains("): 1,951,424 more bytes of output line 2 (stdout) were dropped\n", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("[line cut", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_IntoAPipe_AWorkerLineThatLooksLikeTheMarks_IsTheWorkersAndStaysOnStdout()
    {
        // Short lines cannot be cut ones: the marks of a cut line say a count near the limit, and its
        // kept text is that long. A worker's own words are passed through as data.
        const string Lines = "abc … [line cut at 3 bytes]\n… [3 more bytes of the cut line dropped]\n";
        using TempFile script = new(".py", $"import sys\nsys.stdout.write({System.Text.Json.JsonSerializer.Serialize(Lines)})\n");

        (int code, string stdout, string stderr) = await Tuiproc.RunAsync("run", "--cmd", "python3 " + script.Path);

        Assert.Equal((0, Lines + "Done!\n", ""), (code, stdout, stderr));
    }
}

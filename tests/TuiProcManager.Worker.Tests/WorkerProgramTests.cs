using System.Diagnostics;

namespace TuiProcManager.Worker.Tests;

/// <summary>The staged worker executable, run as a real process (what the supervisor starts).</summary>
public sealed class WorkerProgramTests
{
    private static readonly string Worker = Path.Combine(AppContext.BaseDirectory, "worker", "tuiproc-worker");

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        ProcessStartInfo start = new(Worker) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        using Process p = Process.Start(start)!;
        Task<string> stdout = p.StandardOutput.ReadToEndAsync();
        Task<string> stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(TimeSpan.FromSeconds(30)), "worker did not finish");
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    [Theory]
    [InlineData("square", "10", "Square: 100\n")]
    [InlineData("cube", "10", "Cube: 1000\n")]
    [InlineData("cube", "-10", "Cube: -1000\n")]
    [InlineData("square", "+0012", "Square: 144\n")]
    public void Worker_PrintsExactlyTheLessonsLine(string kind, string n, string expected)
    {
        Assert.Equal((0, expected, ""), Run(kind, n));
    }

    [Theory]
    [InlineData("square", "abc")]
    [InlineData("hexagon", "3")]
    [InlineData("square")]
    [InlineData("square", "1", "--steps", "x")]
    public void Worker_BadArguments_ExitTwoWithOneLineOnStderr(params string[] args)
    {
        (int code, string stdout, string stderr) = Run(args);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("tuiproc-worker: ", stderr, StringComparison.Ordinal);
        Assert.Equal(1, stderr.Count(c => c == '\n'));
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal); // never a stack trace
    }

    [Fact]
    public void Worker_Steps_BurnCpuTimeAndSleep()
    {
        // The worker runs under sh, whose /proc stat then holds the CPU time of its waited-for children
        // (cutime + cstime): the worker's own CPU time, read from the kernel after it exited.
        Stopwatch wall = Stopwatch.StartNew();
        (int code, string stdout, _) = RunShell("\"$0\" square 3 --steps 2 --work-ms 150 --wait-ms 150; cat /proc/$$/stat");

        string[] lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, code);
        Assert.Equal(["square 3: step 1/2", "square 3: step 2/2", "Square: 9"], lines[..3]);
        string[] stat = lines[3].Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long childTicks = long.Parse(stat[13], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(stat[14], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(childTicks >= 28, $"{childTicks} ticks of CPU"); // 2 x 150 ms, at 100 ticks/s, less a tick of rounding each
        Assert.True(wall.Elapsed >= TimeSpan.FromMilliseconds(580), wall.Elapsed.ToString()); // plus 2 x 150 ms asleep
    }

    private static (int Code, string Stdout, string Stderr) RunShell(string script)
    {
        ProcessStartInfo start = new("sh") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (string a in new[] { "-c", script, Worker })
        {
            start.ArgumentList.Add(a);
        }

        using Process p = Process.Start(start)!;
        Task<string> stdout = p.StandardOutput.ReadToEndAsync();
        Task<string> stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(TimeSpan.FromSeconds(30)), "did not finish");
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void Worker_ResultsFd_TheRecordAfterTheLessonsLine()
    {
        // fd 3 is stdout here, so the order of the two writes shows.
        Assert.Equal((0, "Square: 100\nok square 10 100\n", ""), RunShell("\"$0\" square 10 --results-fd 3 3>&1"));
        Assert.Equal((0, "Cube: -1000\nok cube -10 -1000\n", ""), RunShell("\"$0\" cube -0010 --results-fd=3 3>&1"));
    }

    [Fact]
    public void Worker_ResultsFdNotOpen_TheResultStillPrinted_NoError()
    {
        Assert.Equal((0, "Cube: 8\n", ""), RunShell("exec 3>&-; \"$0\" cube 2 --results-fd 3"));
    }

    [Fact]
    public async Task Pool_InputsSplitAcrossWrites_RecordsInOrder_ExitZeroAtEndOfFile()
    {
        ProcessStartInfo start = new("sh") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (string a in new[] { "-c", "exec \"$0\" pool --steps 1 --results-fd 3 3>&1", Worker })
        {
            start.ArgumentList.Add(a);
        }

        using Process p = Process.Start(start)!;
        Task<string> stdout = p.StandardOutput.ReadToEndAsync();
        Task<string> stderr = p.StandardError.ReadToEndAsync();
        foreach (string piece in new[] { "squ", "are 3\ncu", "be 2", "\nhexagon 1\n" })
        {
            await p.StandardInput.WriteAsync(piece);
            await p.StandardInput.FlushAsync();
            await Task.Delay(50); // each piece its own read, most likely
        }

        p.StandardInput.Close();
        Assert.True(p.WaitForExit(TimeSpan.FromSeconds(30)), "pool did not end at end of file");

        Assert.Equal(0, p.ExitCode);
        Assert.Equal("square 3: step 1/1\nok square 3 9\ncube 2: step 1/1\nok cube 2 8\n", await stdout);
        Assert.Equal("tuiproc-worker: bad input 'hexagon 1' (expected 'square N' or 'cube N')\n", await stderr);
    }

    [Fact]
    public void Pool_StdinAtEndOfFile_ExitZeroAtOnce()
    {
        Assert.Equal((0, "", ""), RunShell("\"$0\" pool --results-fd 1 < /dev/null"));
    }

    [Fact]
    public void Pool_BadArguments_ExitTwo()
    {
        (int code, string stdout, string stderr) = Run("pool", "7");

        Assert.Equal((2, ""), (code, stdout));
        Assert.Equal("tuiproc-worker: unexpected argument '7' (a pool reads its inputs from stdin)\n", stderr);
    }

    [Fact]
    public void Guard_BadToken_IsRefused()
    {
        (int code, _, string stderr) = Run("--guard", "NOT-HEX");
        Assert.Equal(2, code);
        Assert.Contains("hexadecimal token", stderr, StringComparison.Ordinal);
    }
}

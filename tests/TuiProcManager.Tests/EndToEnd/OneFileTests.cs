using System.Diagnostics;
using TuiProcManager.Testing;
using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.EndToEnd;

/// <summary>
/// One file to copy: the published tuiproc copied alone into an empty folder (no labs/, no themes/,
/// no tuiproc-worker, no .NET beside it) has its labs, Explain texts and themes built in, and its workers (it is
/// the worker too, started as tuiproc-worker). Runs <see cref="NativeBinary"/>; fails when it is not staged.
/// </summary>
public sealed class OneFileTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private readonly List<string> _copies = []; // 25 MB each: removed after each test

    public void Dispose()
    {
        foreach (string folder in _copies)
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private string CopyAlone()
    {
        string app = NativeBinary.CopyAlone();
        _copies.Add(Path.GetDirectoryName(app)!);
        return app;
    }

    [Fact]
    public async Task CopiedAlone_ListsTheBuiltInLabs()
    {
        string app = CopyAlone();

        (int code, string stdout, string stderr) = await RunAsync(app, "lab");

        Assert.True(code == 0, stderr);
        foreach (string lab in new[] { "1   lesson", "2   cpus", "3   signals", "4   async", "5   pool" })
        {
            Assert.Contains(lab, stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task CopiedAlone_RunsWorkers_ItIsItsOwnWorker()
    {
        string app = CopyAlone();

        (int code, string stdout, string stderr) = await RunAsync(app, "run", "square:10", "cube:10");

        Assert.True(code == 0, stderr);
        string[] lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["Cube: 1000", "Done!", "Square: 100"], lines.Order(StringComparer.Ordinal));
        Assert.Equal("Done!", lines[^1]);
        Assert.Equal(["tuiproc"], Directory.GetFileSystemEntries(Path.GetDirectoryName(app)!).Select(Path.GetFileName));
    }

    [Fact]
    public async Task CopiedAlone_ReportsOnABuiltInLab()
    {
        string app = CopyAlone();
        string state = Path.Combine(Path.GetDirectoryName(app)!, "state");

        (int code, string stdout, string stderr) = await RunAsync(app, ["lab", "1", "--report"], new() { ["XDG_STATE_HOME"] = state });

        Assert.True(code == 0, stderr);
        Assert.StartsWith("# Lab 1: The lesson's example: square and cube — report", stdout, StringComparison.Ordinal);
        Assert.Contains("Start a square worker with N = 10", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CopiedAlone_KnowsTheBuiltInThemes()
    {
        string app = CopyAlone();

        // The theme is checked before the terminal is: this runs without one.
        (int code, _, string stderr) = await RunAsync(app, "--theme", "no-such-theme");

        Assert.Equal(2, code);
        Assert.Equal("tuiproc: unknown theme 'no-such-theme' (available: Catppuccin Mocha, Dracula, Gruvbox Dark, Nord, Solarized Dark, Solarized Light, Tuiproc Dark, Tuiproc High Contrast, Tuiproc Light, Tuiproc Mono)", stderr.Trim());
    }

    [Fact]
    public async Task CopiedAlone_ExplainsFromTheBuiltInTexts_InTheUi()
    {
        string app = CopyAlone();
        string home = Path.GetDirectoryName(app)!;
        string socket = "tuiproc-onefile-" + Guid.NewGuid().ToString("N")[..12];
        string run = Directory.CreateDirectory(Path.Combine(home, "run")).FullName;
        try
        {
            await TmuxAsync(socket, "-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-c", home, "-x", "160", "-y", "45",
                $"exec env XDG_CONFIG_HOME={home} XDG_STATE_HOME={home}/state XDG_RUNTIME_DIR={run} TERM=xterm-256color {app} --steps 40 --work-ms 50 --wait-ms 50 square:3");
            await WaitForAsync(socket, "square 3");
            await TmuxAsync(socket, "send-keys", "-t", "e2e", "e");

            // The spawn topic's Python line, from explain.json built into the binary ("Explain texts: … does not exist" without it).
            string screen = await WaitForAsync(socket, "p.start()");
            Assert.DoesNotContain("Explain texts:", screen, StringComparison.Ordinal);
        }
        finally
        {
            ProcessTools.EndTmux(socket); // SIGHUP: the UI detaches
            _ = await Tuiproc.RunAsync(new Dictionary<string, string> { ["XDG_RUNTIME_DIR"] = run }, "ctl", "end"); // the session and its worker end
        }
    }

    private static async Task<string> WaitForAsync(string socket, string text)
    {
        Stopwatch clock = Stopwatch.StartNew();
        string screen = "";
        while (clock.Elapsed < Bound)
        {
            screen = (await TmuxAsync(socket, "capture-pane", "-p", "-t", "e2e")).Stdout;
            if (screen.Contains(text, StringComparison.Ordinal))
            {
                return screen;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"'{text}' not on the screen within {Bound.TotalSeconds} s:\n{screen}");
        return screen;
    }

    private static Task<(int Code, string Stdout, string Stderr)> TmuxAsync(string socket, params string[] args) =>
        RunAsync("tmux", ["-L", socket, .. args]);

    private static Task<(int Code, string Stdout, string Stderr)> RunAsync(string program, params string[] args) => RunAsync(program, args, []);

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string program, string[] args, Dictionary<string, string> environment)
    {
        ProcessStartInfo start = new(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        foreach ((string name, string value) in environment)
        {
            start.Environment[name] = value;
        }

        using Process process = Process.Start(start)!;
        process.StandardInput.Close();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using CancellationTokenSource deadline = new(Bound);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(' ', args)} did not end within {Bound.TotalSeconds} s");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}

using System.Diagnostics;
using System.Globalization;
using TuiProcManager.Testing;

namespace TuiProcManager.Benchmarks;

/// <summary>
/// A program in a real terminal: a tmux server of its own, one window of a fixed size, an empty config
/// directory. The program is exec'd in the pane, so the pane's PID is the program's.
/// </summary>
internal sealed class TmuxSession : IDisposable
{
    private readonly string _socket = "tuiproc-bench-" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _home = Directory.CreateTempSubdirectory("tuiproc-bench-").FullName;

    /// <param name="command">The program and its arguments.</param>
    /// <param name="width">Columns.</param>
    /// <param name="height">Rows.</param>
    /// <param name="environment">NAME=VALUE settings for the program (e.g. the runtime's DOTNET_GC… settings), or null.</param>
    public TmuxSession(IEnumerable<string> command, int width = 120, int height = 40, IEnumerable<string>? environment = null)
    {
        string config = Path.Combine(_home, "tmux.conf");
        File.WriteAllText(config, "set -g remain-on-exit on\nset -g status off\n");
        string settings = string.Concat((environment ?? []).Select(e => Quote(e) + " "));
        string line = $"exec env -u NO_COLOR XDG_CONFIG_HOME={Quote(_home)} TERM=xterm-256color {settings}{string.Join(' ', command.Select(Quote))}";
        Tmux("-f", config, "new-session", "-d", "-s", "b", "-x", width.ToString(CultureInfo.InvariantCulture), "-y", height.ToString(CultureInfo.InvariantCulture), line);
        Pid = int.Parse(Tmux("list-panes", "-t", "b", "-F", "#{pane_pid}").Trim(), CultureInfo.InvariantCulture);
        Started = Stopwatch.GetTimestamp();
    }

    /// <summary>tuiproc itself (<see cref="AppUnderTest"/>) with ARGS.</summary>
    public static TmuxSession Tuiproc(IEnumerable<string> args, int width = 120, int height = 40, IEnumerable<string>? environment = null) =>
        new([AppUnderTest.Path, .. args], width, height, environment);

    public static string Dotnet =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";

    public int Pid { get; }

    public long Started { get; }

    public string Screen() => Tmux("capture-pane", "-p", "-t", "b");

    public void Keys(params string[] keys) => Tmux(["send-keys", "-t", "b", .. keys]);

    /// <summary>Appends every byte the program writes to its terminal from now on to <paramref name="file"/> (tmux pipe-pane).</summary>
    public void PipeOutputTo(string file) => Tmux("pipe-pane", "-t", "b", "cat >> " + Quote(file));

    /// <summary>Stops <see cref="PipeOutputTo"/>.</summary>
    public void StopPipe() => Tmux("pipe-pane", "-t", "b");

    /// <summary>Waits (polling every 10 ms) until the screen satisfies <paramref name="condition"/>; false after <paramref name="within"/>.</summary>
    public bool WaitUntil(Func<string, bool> condition, TimeSpan within)
    {
        Stopwatch watch = Stopwatch.StartNew();
        while (watch.Elapsed < within)
        {
            if (condition(Screen()))
            {
                return true;
            }

            Thread.Sleep(10);
        }

        return false;
    }

    public void Dispose()
    {
        List<int> left = [.. ProcStat.Descendants(Pid)];
        ProcessTools.EndTmux(_socket);

        // SIGHUP stops the app and its workers; anything still there after 10 s is killed and named.
        Stopwatch watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(10) && left.Append(Pid).Any(ProcStat.IsAlive))
        {
            Thread.Sleep(50);
        }

        foreach (int pid in left.Append(Pid).Where(ProcStat.IsAlive))
        {
            Console.Error.WriteLine($"  (process {pid} `{ProcStat.CommandLine(pid)}` outlived its session by 10 s: killed)");
            ProcStat.Kill(pid);
        }

        try
        {
            Directory.Delete(_home, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private string Tmux(params string[] args) => ProcessTools.Tmux(_socket, args);
}

using System.Globalization;
using System.Text.Json;

namespace TuiProcManager.Benchmarks;

/// <summary>
/// A tuiproc session of one build, started as a user starts one (the UI in a real terminal, tmux 160×45,
/// then <c>d</c>), in a runtime directory of its own (XDG_RUNTIME_DIR, 0700), so that two builds' sessions
/// never meet. Disposing it ends the session (<c>ctl NAME end</c>) and kills what is left.
/// </summary>
internal sealed class BenchSession : IDisposable
{
    private readonly string _runtime = Directory.CreateTempSubdirectory("tuiproc-bench-run-").FullName;

    /// <summary>Starts session <paramref name="name"/> of <paramref name="app"/> with <paramref name="specs"/> and detaches once <paramref name="ready"/> shows.</summary>
    public BenchSession(string app, string name, IEnumerable<string> specs, Func<string, bool> ready)
    {
        File.SetUnixFileMode(_runtime, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        App = app;
        Name = name;
        using TmuxSession ui = new([app, "--session", name, .. specs], 160, 45, Environment);
        if (!ui.WaitUntil(ready, TimeSpan.FromSeconds(60)))
        {
            throw new InvalidOperationException($"session {name} ({app}) did not show its workers:\n{ui.Screen()}");
        }

        ui.Keys("d");
        if (!ui.WaitUntil(_ => !ProcStat.IsAlive(ui.Pid), TimeSpan.FromSeconds(30)))
        {
            throw new InvalidOperationException($"session {name} ({app}): the UI did not detach:\n{ui.Screen()}");
        }

        ServerPid = FindServer();
    }

    /// <summary>The build.</summary>
    public string App { get; }

    /// <summary>The session's name.</summary>
    public string Name { get; }

    /// <summary>The session server's PID.</summary>
    public int ServerPid { get; }

    /// <summary>What a client of this session needs in its environment.</summary>
    public string[] Environment => ["XDG_RUNTIME_DIR=" + _runtime];

    /// <summary>Runs <c>tuiproc ARGS</c> of this build against this session's directory.</summary>
    public TimedRun Run(params string[] args) => TimedRun.Of(App, args, s => s.Environment["XDG_RUNTIME_DIR"] = _runtime);

    /// <summary>A tmux terminal running <c>tuiproc ARGS</c> of this build (e.g. <c>attach NAME</c>).</summary>
    public TmuxSession Terminal(params string[] args) => new([App, .. args], 160, 45, Environment);

    public void Dispose()
    {
        try
        {
            _ = Run("ctl", Name, "end", "--grace", "1");
        }
        catch (InvalidOperationException)
        {
        }

        for (int i = 0; i < 100 && ProcStat.IsAlive(ServerPid); i++)
        {
            Thread.Sleep(100);
        }

        if (ProcStat.IsAlive(ServerPid))
        {
            Console.Error.WriteLine($"  (session server {ServerPid} of {Name} outlived `ctl end` by 10 s: killed)");
            ProcStat.Kill(ServerPid);
        }

        try
        {
            Directory.Delete(_runtime, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private int FindServer()
    {
        TimedRun ls = Run("ls", "--json");
        foreach (string line in ls.Lines)
        {
            using JsonDocument session = JsonDocument.Parse(line);
            if (session.RootElement.GetProperty("name").GetString() == Name)
            {
                return session.RootElement.GetProperty("server_pid").GetInt32();
            }
        }

        throw new InvalidOperationException($"tuiproc ls does not list session {Name}: {string.Join(" | ", ls.Lines)} {ls.Errors}".Trim());
    }

    /// <summary>10 workers that print 1,000 lines each and sleep: 10,000 lines of history, then quiet.</summary>
    public static string[] TenQuietWorkers { get; } = [.. Enumerable.Range(0, 10).SelectMany(_ => (string[])["--cmd", "sh -c 'seq 1 1000; sleep 3600'"])];

    /// <summary>Whether a screen shows <paramref name="count"/> workers of <see cref="TenQuietWorkers"/> asleep after their output.</summary>
    public static bool ShowsQuiet(string screen, int count = 10) =>
        screen.Split('\n').Count(l => l.Contains("sleep 3600", StringComparison.Ordinal)) >= count
        && screen.Split("Output")[^1].Contains("1000", StringComparison.Ordinal);

    /// <summary>A figure with its unit, invariant.</summary>
    public static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}

using System.Diagnostics;
using System.Text.Json;

namespace TuiProcManager.Benchmarks;

/// <summary>
/// The flood through the socket: a worker printing 1,000,000 lines (<c>seq 1 1000000</c>) beside one asleep,
/// in the UI of a session (160×45), against the same in a UI that runs its supervisor in its own process
/// (<c>--in-process PATH</c>: a tuiproc from before sessions). CPU seconds (utime + stime) from start until the
/// screen shows the flood done and its process has ended: for a session, the UI's and its server's together;
/// minus the same with <c>true</c> instead of the flood (start-up and the sleeper), as in <see cref="FloodBenchmark"/>.
/// Also: how long a key (<c>?</c>, the help) takes to show while the flood runs. Rounds interleaved, medians.
/// </summary>
internal static class SessionFlood
{
    private const string Flood = "seq 1 1000000";
    private const string Sleeper = "sleep 600";

    public static void Run(List<(string Label, string App)> builds, string? inProcess, int rounds)
    {
        List<(string Label, string App, bool Session)> sides = [.. builds.Select(b => (b.Label + ", session", b.App, true))];
        if (inProcess is not null)
        {
            sides.Add(("in-process UI", Path.GetFullPath(inProcess), false));
        }

        Console.WriteLine($"\nflood: {Flood} beside {Sleeper}, 160x45, {rounds} rounds interleaved; CPU of the UI (and of its session server) over start-up");
        List<double>[] cpu = [.. sides.Select(_ => new List<double>())], key = [.. sides.Select(_ => new List<double>())];
        for (int r = 0; r < rounds; r++)
        {
            for (int i = 0; i < sides.Count; i++)
            {
                (string label, string app, bool session) = sides[i];
                double flood = Once(app, session, Flood, out _);
                double baseline = Once(app, session, "true", out _);
                _ = Once(app, session, Flood, out double keyMs, keyDuringFlood: true);
                cpu[i].Add(flood - baseline);
                key[i].Add(keyMs);
                Console.WriteLine($"round {r + 1}, {label}: {BenchSession.F(flood - baseline, "0.00")} CPU s over start-up ({BenchSession.F(baseline, "0.00")}); '?' shown {BenchSession.F(keyMs, "0")} ms after the key");
            }
        }

        Console.WriteLine("| UI | CPU s over start-up (UI + server) | '?' during the flood, ms | CPU / in-process UI |");
        Console.WriteLine("|---|---|---|---|");
        double reference = inProcess is null ? double.NaN : Stats.Median(cpu[^1]);
        for (int i = 0; i < sides.Count; i++)
        {
            Console.WriteLine($"| {sides[i].Label} | {Stats.MedianRange(cpu[i], "0.00")} | {Stats.MedianRange(key[i], "0")} | {BenchSession.F(Stats.Median(cpu[i]) / reference, "0.00")} |");
        }
    }

    /// <returns>CPU seconds of the UI (and its server) when the screen showed <paramref name="command"/> done.</returns>
    private static double Once(string app, bool session, string command, out double keyMs, bool keyDuringFlood = false)
    {
        keyMs = double.NaN;
        string runtime = Directory.CreateTempSubdirectory("tuiproc-bench-run-").FullName;
        File.SetUnixFileMode(runtime, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        string[] args = session ? ["--session", "flood", "--cmd", command, "--cmd", Sleeper] : ["--cmd", command, "--cmd", Sleeper];
        try
        {
            using TmuxSession ui = new([app, .. args], 160, 45, ["XDG_RUNTIME_DIR=" + runtime]);
            try
            {
                if (keyDuringFlood)
                {
                    keyMs = KeyMs(ui);
                    return double.NaN;
                }

                Stopwatch clock = Stopwatch.StartNew();
                int owner = session ? 0 : ui.Pid; // the process whose descendant the worker is: the UI's own, or its server
                while (!(Done(ui.Screen(), command) && (owner = owner != 0 ? owner : Server(app, runtime)) != 0
                    && !ProcStat.Descendants(owner).Any(p => ProcStat.CommandLine(p).EndsWith(command, StringComparison.Ordinal))))
                {
                    if (clock.Elapsed > TimeSpan.FromMinutes(5))
                    {
                        throw new InvalidOperationException($"{app}: {command} not shown done within 5 minutes:\n{ui.Screen()}");
                    }

                    Thread.Sleep(10);
                }

                return ProcStat.CpuSeconds(ui.Pid) + (session ? ProcStat.CpuSeconds(owner) : 0);
            }
            finally
            {
                if (session)
                {
                    End(app, runtime); // before the terminal goes: the server is still the UI's child, which the terminal's end would wait for
                }
            }
        }
        finally
        {
            Directory.Delete(runtime, recursive: true);
        }
    }

    /// <summary>Milliseconds from <c>?</c> to the help on screen while the flood runs; NaN if it never showed.</summary>
    private static double KeyMs(TmuxSession ui)
    {
        ui.WaitUntil(s => s.Contains("lines", StringComparison.Ordinal) && s.Contains("running", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        long sent = Stopwatch.GetTimestamp();
        ui.Keys("?");
        return ui.WaitUntil(s => s.Contains("tuiproc keys", StringComparison.Ordinal), TimeSpan.FromSeconds(60))
            ? Stopwatch.GetElapsedTime(sent).TotalMilliseconds : double.NaN;
    }

    /// <summary>Ends the session and waits (up to 10 s) until its server has gone.</summary>
    private static void End(string app, string runtime)
    {
        int server = Server(app, runtime);
        _ = TimedRun.Of(app, ["ctl", "flood", "end", "--grace", "1"], s => s.Environment["XDG_RUNTIME_DIR"] = runtime);
        for (int i = 0; i < 100 && server != 0 && ProcStat.IsAlive(server); i++)
        {
            Thread.Sleep(100);
        }
    }

    /// <summary>The header counts the flood's worker done, and the Output panel (the first worker's) shows its last line.</summary>
    private static bool Done(string screen, string command) =>
        screen.Contains("1 done", StringComparison.Ordinal) && (command != Flood || screen.Contains("1000000", StringComparison.Ordinal))
        && !screen.Contains("tuiproc keys", StringComparison.Ordinal);

    /// <summary>The session server's PID, once <c>tuiproc ls</c> lists it; 0 before.</summary>
    private static int Server(string app, string runtime)
    {
        TimedRun ls = TimedRun.Of(app, ["ls", "--json"], s => s.Environment["XDG_RUNTIME_DIR"] = runtime);
        foreach (string line in ls.Lines)
        {
            using JsonDocument session = JsonDocument.Parse(line);
            return session.RootElement.GetProperty("server_pid").GetInt32();
        }

        return 0;
    }
}

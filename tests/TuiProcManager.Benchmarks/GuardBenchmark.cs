using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace TuiProcManager.Benchmarks;

/// <summary>
/// The orphan guard's reaction time: <c>tuiproc run</c> with five workers (three square and cube workers, a
/// command with a <c>setsid</c> grandchild, a <c>sleep</c>) is SIGKILLed, and the time from that signal to the
/// last worker gone (a zombie counts as gone) is taken, round after round. The README's guarantee is at
/// most one second; the end-to-end test only checks that they all go.
/// </summary>
internal static class GuardBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        int rounds = Args.Int(args, "--rounds", 10);
        Console.WriteLine($"tuiproc: {AppUnderTest.Path}; {rounds} rounds");
        List<double> gone = [];
        for (int round = 1; round <= rounds; round++)
        {
            double ms = await OneRoundAsync();
            gone.Add(ms);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round}: every worker gone {ms:0} ms after the SIGKILL"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"\nSIGKILL to the last worker gone: median {Stats.Median(gone):0} ms, {Stats.Min(gone):0}–{Stats.Max(gone):0} ms (guarantee: at most 1,000 ms)"));
        return Stats.Max(gone) <= 1000 ? 0 : 1;
    }

    private static async Task<double> OneRoundAsync()
    {
        string events = Path.Combine(Path.GetTempPath(), $"tuiproc-guard-{Guid.NewGuid():N}.jsonl");
        ProcessStartInfo start = new(AppUnderTest.Path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in new[] { "run", "--steps", "1000", "--wait-ms", "50", "square:2", "cube:2", "square:3",
            "--cmd", "sh -c 'setsid sleep 60 & sleep 60'", "--cmd", "sleep 60", "--events", events })
        {
            start.ArgumentList.Add(a);
        }

        using Process run = Process.Start(start)!;
        Task<string> stdout = run.StandardOutput.ReadToEndAsync(), stderr = run.StandardError.ReadToEndAsync();
        try
        {
            int[] workers = [];
            Stopwatch waiting = Stopwatch.StartNew();
            while ((workers = Spawned(events)).Length < 5 || !workers.All(ProcStat.IsAlive))
            {
                if (waiting.Elapsed > TimeSpan.FromSeconds(30) || run.HasExited)
                {
                    throw new InvalidOperationException($"five workers did not start: {stderr.Result.Trim()}");
                }

                await Task.Delay(10);
            }

            long t = Stopwatch.GetTimestamp();
            run.Kill(); // SIGKILL
            while (workers.Any(ProcStat.IsAlive))
            {
                if (Stopwatch.GetElapsedTime(t) > TimeSpan.FromSeconds(30))
                {
                    throw new InvalidOperationException("workers still alive 30 s after tuiproc's SIGKILL");
                }

                await Task.Delay(1);
            }

            return Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        }
        finally
        {
            await run.WaitForExitAsync();
            _ = await stdout;
            File.Delete(events);
        }
    }

    /// <summary>The PIDs of the workers spawned so far, from the events file.</summary>
    private static int[] Spawned(string events)
    {
        if (!File.Exists(events))
        {
            return [];
        }

        List<int> pids = [];
        foreach (string line in File.ReadAllLines(events))
        {
            try
            {
                using JsonDocument e = JsonDocument.Parse(line);
                if (e.RootElement.GetProperty("type").GetString() == "spawned")
                {
                    pids.Add(e.RootElement.GetProperty("pid").GetInt32());
                }
            }
            catch (JsonException)
            {
                // a line being written
            }
        }

        return [.. pids];
    }
}

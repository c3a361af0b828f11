using System.Diagnostics;
using System.Globalization;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Workers;
using TuiProcManager.Sessions.Recording;

namespace TuiProcManager.Benchmarks;

/// <summary>
/// The flight recording's goals: a recording of <c>--events</c> events (1,000,000: 10 workers over a simulated
/// hour, mostly output lines, a sample of each worker and of the machine every simulated second, a state
/// change every 500 events) written by the real <see cref="SessionRecorder"/> in batches of 1 to 512 events,
/// as the lossless stream hands them over; then, in a child process of its own per round (<c>recording-read</c>),
/// the reader's open, <c>--seeks</c> seeks to random moments (each a whole <see cref="RecordingReader.HistoryAt"/>),
/// playing on 10,000 events from the last, and the child's peak resident memory (VmHWM). Then the same
/// recording in <c>tuiproc replay</c> itself, the native build in a terminal (<see cref="ReplayBenchmark"/>).
/// </summary>
internal static class RecordingBenchmark
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(string[] args)
    {
        int count = Args.Int(args, "--events", 1_000_000), seeks = Args.Int(args, "--seeks", 20), rounds = Args.Int(args, "--rounds", 3);
        string[] replayEnvironment = [.. (Args.String(args, "--replay-env") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)]; // NAME=VALUE,… for the replay in the terminal
        string? keep = Args.String(args, "--keep"); // a directory to leave the recording in, for trying the replay by hand
        string root = keep ?? Directory.CreateTempSubdirectory("tuiproc-recording-").FullName;
        try
        {
            string directory = Path.Combine(root, "bench-20261201T090000Z-1");
            Directory.CreateDirectory(directory);
            Write(directory, count);
            long bytes = new DirectoryInfo(directory).EnumerateFiles().Sum(f => f.Length);
            Console.WriteLine($"recording: {count:N0} events in {Directory.GetFiles(directory).Length} segments, {bytes / 1048576.0:0.0} MiB ({bytes / (double)count:0.0} bytes an event, keyframes included)");
            for (int round = 1; round <= rounds; round++)
            {
                await ReadInChildAsync(directory, seeks, round);
            }

            ReplayBenchmark.Run(directory, seeks, rounds, replayEnvironment);
        }
        finally
        {
            if (keep is null)
            {
                Directory.Delete(root, recursive: true);
            }
        }

        return 0;
    }

    /// <summary>The child: opens, seeks, plays on, says its figures and its VmHWM.</summary>
    public static int Read(string[] args)
    {
        string directory = args[0];
        int seeks = int.Parse(args[1], CultureInfo.InvariantCulture), seed = int.Parse(args[2], CultureInfo.InvariantCulture);
        Stopwatch clock = Stopwatch.StartNew();
        RecordingReader reader = RecordingReader.Open(directory, out string? refusal) ?? throw new InvalidOperationException(refusal);
        double open = clock.Elapsed.TotalMilliseconds;
        Random random = new(seed);
        List<double> times = [], allocated = [];
        RecordedMoment? last = null;
        int kept = 0;
        for (int i = 0; i < seeks; i++)
        {
            DateTimeOffset at = reader.StartTime + TimeSpan.FromTicks((long)(random.NextDouble() * (reader.EndTime - reader.StartTime).Ticks));
            long before = GC.GetAllocatedBytesForCurrentThread();
            clock.Restart();
            last = reader.HistoryAt(at);
            times.Add(clock.Elapsed.TotalMilliseconds);
            allocated.Add((GC.GetAllocatedBytesForCurrentThread() - before) / 1048576.0);
            kept = Math.Max(kept, last.History.Count);
        }

        // The live size of a whole moment (the last one: 22,500 events), apart from what building it allocated.
        long heapWithoutMoment = GC.GetTotalMemory(forceFullCollection: true);
        RecordedMoment end = reader.HistoryAt(reader.EndTime);
        double momentMib = (GC.GetTotalMemory(forceFullCollection: true) - heapWithoutMoment) / 1048576.0;
        GC.KeepAlive(end);

        // What the UI then does with a moment: every panel's model folds it (the last seek's moment, 5 times: the first warms up).
        List<double> folds = [];
        double foldAllocated = 0;
        for (int i = 0; i < 5; i++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            Tui.Models.Dashboard dashboard = new(cores: 2);
            clock.Restart();
            _ = dashboard.Apply(last!.History);
            folds.Add(clock.Elapsed.TotalMilliseconds);
            foldAllocated = (GC.GetAllocatedBytesForCurrentThread() - before) / 1048576.0;
        }

        clock.Restart();
        int played = reader.EventsAfter(last!.Sequence).Take(10_000).Count();
        double play = clock.Elapsed.TotalMilliseconds;
        long hwm = ProcStat.StatusKib(Environment.ProcessId, "VmHWM");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"open {open:0} ms; seek median {Stats.Median(times):0} ms, worst {Stats.Max(times):0} ms, first {times[0]:0} ms ({seeks} seeks, up to {kept:N0} events a moment); the panels' models folding the last moment {folds[0]:0} ms, then {Stats.Median(folds.Skip(1)):0} ms median; playing on {played:N0} events {play:0} ms; allocated by a seek {Stats.Median(allocated):0.0} MiB median, {Stats.Max(allocated):0.0} worst (the last moment is {momentMib:0.0} MiB live), the panels' fold {foldAllocated:0.0} MiB; VmHWM {hwm / 1024.0:0.0} MiB; {reader.Damage ?? "whole"}"));
        return 0;
    }

    private static async Task ReadInChildAsync(string directory, int seeks, int round)
    {
        string self = Environment.ProcessPath!;
        ProcessStartInfo start = new(self) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(RecordingBenchmark).Assembly.Location);
        }

        foreach (string a in (string[])["recording-read", directory, seeks.ToString(CultureInfo.InvariantCulture), round.ToString(CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(a);
        }

        using Process child = Process.Start(start)!;
        string said = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        Console.Write($"round {round} (a new process): {said}");
    }

    /// <summary>Writes the recording through the real recorder, on its own thread, and says its cost.</summary>
    private static void Write(string directory, int count)
    {
        long heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        long heapWithHistory = 0;
        Stopwatch clock = Stopwatch.StartNew();
        using SessionRecorder recorder = new(directory, "bench", T0, 1);
        recorder.Start(thread => Observable.Create<IReadOnlyList<SupervisorEvent>>(o => thread.Schedule(() =>
        {
            foreach (IReadOnlyList<SupervisorEvent> batch in Session(count))
            {
                o.OnNext(batch);
            }

            heapWithHistory = GC.GetTotalMemory(forceFullCollection: true); // the recorder's history, at rest
            o.OnCompleted();
        })));
        recorder.Completion.Wait();
        double seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"writing: {seconds:0.0} s ({count / seconds:N0} events/s, events made on the same thread); managed heap {heapBefore / 1048576.0:0.0} MiB before, {heapWithHistory / 1048576.0:0.0} MiB with the recorder's history at the end"));
    }

    /// <summary>The session's events in batches as a lossless stream hands them over.</summary>
    private static IEnumerable<IReadOnlyList<SupervisorEvent>> Session(int count)
    {
        Random random = new(17);
        long sequence = 0;
        TimeSpan step = TimeSpan.FromHours(1) / count;
        DateTimeOffset now = T0;
        long lastSecond = 0;
        List<SupervisorEvent> batch = [new SupervisorSnapshot(0, T0, [])];
        long[] lines = new long[11];
        for (int w = 1; w <= 10; w++)
        {
            batch.Add(new WorkerSpawned(++sequence, now, new WorkerId(w), WorkerSpec.Square(w.ToString(CultureInfo.InvariantCulture)), 1000 + w));
        }

        int size = random.Next(1, 513);
        while (sequence < count)
        {
            now += step;
            int w = random.Next(1, 11);
            long second = (long)(now - T0).TotalSeconds;
            if (second != lastSecond)
            {
                lastSecond = second;
                for (int s = 1; s <= 10 && sequence < count; s++)
                {
                    batch.Add(new ResourceSampled(++sequence, now, new WorkerId(s), new ProcessSample(1000 + s, 1, "worker", WorkerState.Running, random.NextDouble() * 100, TimeSpan.FromSeconds(second), 8_000_000), []));
                }

                batch.Add(new MachineSampled(++sequence, now, [random.NextDouble() * 100, random.NextDouble() * 100]));
            }
            else if (sequence % 500 == 0)
            {
                batch.Add(new WorkerStateChanged(++sequence, now, new WorkerId(w), WorkerState.Running, WorkerState.Waiting, "S (sleeping)"));
            }
            else
            {
                batch.Add(new OutputLine(++sequence, now, new WorkerId(w), OutputChannel.Stdout, $"worker {w}: step {++lines[w]} of 100000 done, value {random.NextDouble():0.0000}", lines[w]));
            }

            if (batch.Count >= size)
            {
                yield return batch;
                batch = [];
                size = random.Next(1, 513);
            }
        }

        for (int w = 1; w <= 10; w++)
        {
            batch.Add(new WorkerEnded(++sequence, now, new WorkerId(w), WorkerExit.Exited(0)));
        }

        yield return batch;
    }
}

using System.Diagnostics;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Workers;
using TuiProcManager.Linux.Tests.TestSupport;
using Xunit.Abstractions;

namespace TuiProcManager.Linux.Tests.Supervision;

/// <summary>
/// Pause-on-wait with real workers, watched from outside: a sampler reads each worker's state from /proc
/// (not through the code under test) about every millisecond while the run goes on.
/// </summary>
public sealed class PauseOnWaitRealTests(ITestOutputHelper output)
{
    // Each worker: 4 steps of 60 ms CPU then 90 ms asleep, so 0.6 s alone; three of them.
    private static readonly Workload Steps = new(4, 60, 90);
    private static readonly string[] Numbers = ["3", "4", "5"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task NeverMoreThanKOnACpu_ApartFromTheMomentToNoticeAWakeUp_AndAllFinish(int slots)
    {
        await using RealSupervisor s = new();
        s.Supervisor.SetScheduling(SchedulingMode.PauseOnWait, slots);
        WorkerId[] ids = [.. Numbers.Select(n => s.Supervisor.Spawn(WorkerSpec.Square(n, Steps)))];

        // Sampled from at once (the sampler learns the PIDs itself): waiting for them first let a loaded
        // machine run all three to their end before the first sample (CI: "only 0 samples").
        Overlaps overlaps = await SampleUntilEndedAsync(s, ids, slots);

        Assert.True(await s.Supervisor.JoinAllAsync().WaitAsync(RealSupervisor.Bound));
        Assert.All(s.Supervisor.Snapshot(), w => Assert.True(w.Exit!.Succeeded, w.Exit.ToString()));
        await RealSupervisor.UntilAsync(() => ids.All(id => s.Lines(id).Any(l => l.StartsWith("Square: ", StringComparison.Ordinal))), "every result");
        TimeSpan[] notices = [.. s.Of<WorkerScheduled>().Select(e => e.NoticedWithin).OfType<TimeSpan>()];
        output.WriteLine($"K={slots}: {overlaps.Samples} samples, {overlaps.OverSamples} with more than K running, longest stretch {overlaps.Longest.TotalMilliseconds:0.0} ms; " +
            $"supervisor's own wake-notice figures: {notices.Length}, max {(notices.Length > 0 ? notices.Max().TotalMilliseconds : 0):0.0} ms");

        // The scheduler itself never hands out more than K slots. What the sampler sees beyond K is the
        // time a wake-up goes unnoticed, which depends on how busy the machine is: `dotnet test` runs the
        // test projects side by side on two cores, so the bounds here are loose and the figures are
        // measured on a quiet machine by the benchmark (pause-on-wait) and recorded in the README.
        Assert.All(s.Of<WorkerScheduled>(), e => Assert.InRange(e.SlotsInUse, 0, slots));
        Assert.True(overlaps.Samples > 100, $"only {overlaps.Samples} samples");
        Assert.True(overlaps.Longest < TimeSpan.FromMilliseconds(150), $"more than {slots} on a CPU for {overlaps.Longest.TotalMilliseconds:0.0} ms");
        Assert.True(overlaps.OverSamples < overlaps.Samples / 10, $"{overlaps.OverSamples} of {overlaps.Samples} samples had more than {slots} running");
        Assert.Contains(s.Of<WorkerScheduled>(), e => e.Change == SlotChange.Queued);
        Assert.Contains(s.Of<WorkerScheduled>(), e => e.Change == SlotChange.Released);
    }

    [Fact]
    public async Task Makespan_LiesBetweenAllAtOnceAndOneAfterAnother()
    {
        // CPU-heavy enough that one slot is clearly slower than two cores (3 s of CPU in turns against
        // about 1.7 s all at once), and waits long enough that it is clearly faster than one after another
        // (3 × 1.6 s): margins of well over a second each way. `dotnet test` runs the other test projects
        // beside this one on two cores (the end-to-end labs among them, with busy workers), and a busy moment
        // only ever makes a run slower: all at once and pause-on-wait are each run twice, apart, and the
        // quicker taken, so one slowed run cannot invert the order (a slowed one-after-another only widens it).
        Workload heavy = new(4, 250, 150);
        TimeSpan parallelFirst = await RunAsync(s => SpawnThreeAndJoin(s, heavy));
        RunSummary? summary = null;
        async Task<TimeSpan> PauseOnWaitAsync() => await RunAsync(async s =>
        {
            s.Supervisor.SetScheduling(SchedulingMode.PauseOnWait, 1);
            RunSummaryBuilder builder = new();
            using (s.Supervisor.EventsWithSnapshot.Subscribe(builder.Add))
            {
                await SpawnThreeAndJoin(s, heavy);
                await RealSupervisor.UntilAsync(() => builder.RunEnded, "the summary saw every end");
            }

            summary ??= builder.Build(Environment.ProcessorCount);
        });
        TimeSpan pauseOnWaitFirst = await PauseOnWaitAsync();
        TimeSpan sequential = await RunAsync(async s =>
        {
            foreach (string n in Numbers)
            {
                await s.Supervisor.JoinAsync(s.Supervisor.Spawn(WorkerSpec.Square(n, heavy))).WaitAsync(RealSupervisor.Bound);
            }
        });

        TimeSpan pauseOnWaitLast = await PauseOnWaitAsync();
        TimeSpan parallelLast = await RunAsync(s => SpawnThreeAndJoin(s, heavy));
        TimeSpan parallel = parallelFirst < parallelLast ? parallelFirst : parallelLast;
        TimeSpan pauseOnWait = pauseOnWaitFirst < pauseOnWaitLast ? pauseOnWaitFirst : pauseOnWaitLast;

        output.WriteLine($"all at once {parallelFirst.TotalSeconds:0.000} s and {parallelLast.TotalSeconds:0.000} s, pause-on-wait K=1 {pauseOnWaitFirst.TotalSeconds:0.000} s and {pauseOnWaitLast.TotalSeconds:0.000} s, one after another {sequential.TotalSeconds:0.000} s");
        output.WriteLine(string.Join('\n', summary!.ToLines()));
        Assert.InRange(pauseOnWait, parallel, sequential);
        Assert.InRange(summary.Makespan, summary.AllAtOnce, summary.OneAfterAnother); // the run's own estimates agree
        Assert.All(summary.Workers, w => Assert.True(w.Queued > TimeSpan.Zero, $"worker {w.Worker} never queued"));
    }

    private static async Task SpawnThreeAndJoin(RealSupervisor s, Workload workload)
    {
        foreach (string n in Numbers)
        {
            s.Supervisor.Spawn(WorkerSpec.Square(n, workload));
        }

        Assert.True(await s.Supervisor.JoinAllAsync().WaitAsync(RealSupervisor.Bound));
    }

    private static async Task<TimeSpan> RunAsync(Func<RealSupervisor, Task> run)
    {
        await using RealSupervisor s = new();
        s.Supervisor.Spawn(WorkerSpec.Square("1")); // start the fork server outside the measurement
        await s.Supervisor.JoinAllAsync().WaitAsync(RealSupervisor.Bound);
        Stopwatch watch = Stopwatch.StartNew();
        await run(s);
        return watch.Elapsed;
    }

    private sealed record Overlaps(int Samples, int OverSamples, TimeSpan Longest);

    /// <summary>Reads the workers' states from /proc on a thread of its own until all have ended.</summary>
    private static Task<Overlaps> SampleUntilEndedAsync(RealSupervisor s, WorkerId[] ids, int slots) => Task.Factory.StartNew(
        () =>
        {
            int[] pids = new int[ids.Length];
            int samples = 0, over = 0;
            TimeSpan longest = TimeSpan.Zero;
            long? overSince = null;
            long last = Stopwatch.GetTimestamp();
            Stopwatch bound = Stopwatch.StartNew();
            while (bound.Elapsed < RealSupervisor.Bound)
            {
                if (pids.Contains(0))
                {
                    System.Collections.Immutable.ImmutableArray<WorkerInfo> workers = s.Supervisor.Snapshot();
                    for (int i = 0; i < ids.Length; i++)
                    {
                        pids[i] = workers[ids[i].Value - 1].Pid ?? 0;
                    }

                    if (pids.Contains(0))
                    {
                        Thread.Sleep(1); // not all started yet: nothing to sample
                        continue;
                    }
                }

                int running = 0, alive = 0;
                foreach (int pid in pids)
                {
                    char state = ReadState(pid);
                    running += state == 'R' ? 1 : 0;
                    alive += state is not ('Z' or 'X' or '?') ? 1 : 0;
                }

                long now = Stopwatch.GetTimestamp();
                if (alive == 0)
                {
                    break;
                }

                samples++;
                if (running > slots)
                {
                    over++;
                    overSince ??= last; // it may have started just after the previous sample
                }
                else if (overSince is { } since)
                {
                    TimeSpan stretch = Stopwatch.GetElapsedTime(since, now);
                    longest = stretch > longest ? stretch : longest;
                    overSince = null;
                }

                last = now;
                Thread.Sleep(1);
            }

            return new Overlaps(samples, over, longest);
        },
        TaskCreationOptions.LongRunning);

    private static char ReadState(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[stat.LastIndexOf(')') + 2];
        }
        catch (IOException)
        {
            return '?';
        }
    }
}

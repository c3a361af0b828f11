using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Benchmarks;

/// <summary>
/// The <see cref="SoakTest"/>'s driver: what students do, at random (spawn, pause, resume, join with a
/// timeout, terminate, kill, switch modes, start pools), with workers that misbehave among the others.
/// </summary>
internal static class SoakOperations
{
    /// <summary>Command workers that misbehave, each as a student's program might.</summary>
    private static readonly string[][] Misbehaving =
    [
        ["sh", "-c", "setsid sleep 60 & (sleep 60 &); sleep 1"],  // leaves a grandchild in its own session and a double-forked one
        ["sh", "-c", "trap '' TERM; sleep 4"],                     // ignores SIGTERM
        ["sh", "-c", "sleep 0.3; kill -SEGV $$"],                  // crashes
        ["sh", "-c", "yes soak | head -n 200000"],                  // floods its output
        ["sh", "-c", "exec 1>&- 2>&-; sleep 2; exit 3"],           // closes its output, goes on, fails
        ["true"],                                                   // exits the instant it starts
    ];

    /// <summary>Random operations until the time is up; returns the guard mark the workers carry (to look for them at the end).</summary>
    public static async Task<string?> RunAsync(Supervisor supervisor, Random random, int seconds, int maxAlive, SoakCounts counts, SoakFigures figures)
    {
        List<Task> pending = [];
        string? mark = null;
        Stopwatch clock = Stopwatch.StartNew();
        TimeSpan warmedUp = TimeSpan.FromSeconds(seconds * 0.2);
        TimeSpan nextSample = TimeSpan.Zero;
        bool measured = false;
        while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            WorkerInfo[] alive = [.. supervisor.Snapshot().Where(w => w.Exit is null)];
            WorkerInfo? any = alive.Length > 0 ? alive[random.Next(alive.Length)] : null;
            int roll = random.Next(100);
            try
            {
                switch (roll)
                {
                    case < 30 when alive.Length < maxAlive:
                        supervisor.Spawn(RandomSpec(random));
                        counts.Op("spawn");
                        break;
                    case < 40 when any is not null:
                        counts.Op(supervisor.Pause(any.Worker) ? "pause" : "pause (refused)");
                        break;
                    case < 52 when alive.FirstOrDefault(w => w.PausedByUser) is { } paused:
                        counts.Op(supervisor.Resume(paused.Worker) ? "resume" : "resume (refused)");
                        break;
                    case < 62 when any is not null:
                        pending.Add(supervisor.JoinAsync(any.Worker, TimeSpan.FromMilliseconds(random.Next(10, 300))));
                        counts.Op("join with timeout");
                        break;
                    case < 70 when any is not null:
                        pending.Add(supervisor.TerminateAsync(any.Worker, TimeSpan.FromMilliseconds(random.Next(50, 500))));
                        counts.Op("terminate");
                        break;
                    case < 76 when any is not null:
                        counts.Op(supervisor.Kill(any.Worker) ? "kill" : "kill (refused)");
                        break;
                    case < 78:
                        bool pauseOnWait = random.Next(2) == 0;
                        supervisor.SetScheduling(pauseOnWait ? SchedulingMode.PauseOnWait : SchedulingMode.Parallel, random.Next(1, 4));
                        counts.Op(pauseOnWait ? "mode: pause-on-wait" : "mode: parallel");
                        break;
                    case < 80 when alive.Length < maxAlive:
                        ImmutableArray<PoolTask> inputs = [.. Enumerable.Range(1, random.Next(5, 40)).Select(n => new PoolTask(WorkerKind.Square, n.ToString(CultureInfo.InvariantCulture)))];
                        pending.Add(supervisor.JoinPoolAsync(supervisor.StartPool(new PoolRequest(inputs, random.Next(1, 4), new Workload(1, random.Next(0, 30), random.Next(0, 30))))));
                        counts.Op("pool");
                        break;
                    default:
                        break;
                }
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException)
            {
                counts.Op("refused: " + e.GetType().Name); // a worker that ended in between: the supervisor says no, politely
            }

            mark ??= alive.Select(w => w.Pid).OfType<int>().Select(SoakProbes.GuardMark).FirstOrDefault(m => m is not null);
            pending.RemoveAll(t => t.IsCompleted);
            if (clock.Elapsed >= nextSample)
            {
                nextSample += TimeSpan.FromSeconds(1);
                figures.PeakRssMiB = Math.Max(figures.PeakRssMiB, SoakProbes.RssMiB());
                figures.PeakAlive = Math.Max(figures.PeakAlive, alive.Length);
                if (!measured && clock.Elapsed >= warmedUp)
                {
                    measured = true;
                    figures.HeapWarmMiB = SoakProbes.Heap() / 1048576.0;
                    figures.WorkersWarm = supervisor.Snapshot().Length;
                }
            }

            await Task.Delay(random.Next(2, 25));
        }

        await Task.WhenAll(pending).WaitAsync(TimeSpan.FromSeconds(60)).ContinueWith(_ => { }, TaskScheduler.Default);
        return mark;
    }

    private static WorkerSpec RandomSpec(Random random)
    {
        if (random.Next(3) == 0)
        {
            return WorkerSpec.Command(Misbehaving[random.Next(Misbehaving.Length)]);
        }

        string n = random.Next(1, 1_000_000).ToString(CultureInfo.InvariantCulture);
        Workload load = new(random.Next(0, 8), random.Next(0, 150), random.Next(0, 200));
        return random.Next(2) == 0 ? WorkerSpec.Square(n, load) : WorkerSpec.Cube(n, load);
    }

}

using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Workers;
using TuiProcManager.Protocol;
using TuiProcManager.Sessions.Server;

namespace TuiProcManager.Sessions.Tests.Recording;

/// <summary>
/// A session's events made up from a seed, as a supervisor would publish them (a snapshot, then workers
/// spawned, printing, changing state, sampled, signalled, ending), with times that often repeat; and the
/// model a recording is checked against: a <see cref="SessionHistory"/> fed every event up to a time.
/// </summary>
internal static class RandomSession
{
    public static List<SupervisorEvent> Events(int seed, int count, int workers = 6)
    {
        Random random = new(seed);
        EventBuilder e = new();
        List<SupervisorEvent> all = [new SupervisorSnapshot(0, e.Now, [])];
        List<int> alive = [];
        int spawned = 0;
        while (all.Count < count)
        {
            e.Now += TimeSpan.FromMilliseconds(random.Next(0, 3) == 0 ? 0 : random.Next(1, 40));
            int roll = random.Next(100);
            if (alive.Count == 0 || (roll < 3 && spawned < workers * 3 && alive.Count < workers))
            {
                alive.Add(++spawned);
                all.Add(e.Spawned(spawned));
                continue;
            }

            int w = alive[random.Next(alive.Count)];
            all.Add(roll switch
            {
                < 70 => e.Line(w, $"line {all.Count} of {w} " + new string('x', random.Next(0, 80)), random.Next(10) == 0 ? OutputChannel.Stderr : OutputChannel.Stdout, all.Count),
                < 78 => e.State(w, WorkerState.Running, random.Next(2) == 0 ? WorkerState.Waiting : WorkerState.Running, "S (sleeping)"),
                < 88 => e.Sample(w, random.NextDouble() * 100),
                < 91 => e.Machine(random.NextDouble() * 100, random.NextDouble() * 100),
                < 94 => e.Signal(w, ProcessSignal.Stop, "p"),
                < 95 => e.Result(w, random.Next(100)),
                _ when alive.Count > 1 || spawned < workers * 3 => Ended(e, alive, w),
                _ => e.Line(w, "the last one", OutputChannel.Stdout, all.Count),
            });
        }

        return all;
    }

    /// <summary>What a screen attached at <paramref name="time"/> would get: a history fed every event up to it.</summary>
    public static IReadOnlyList<SupervisorEvent> HistoryAt(IReadOnlyList<SupervisorEvent> events, DateTimeOffset time, HistoryLimits limits)
    {
        SessionHistory model = new(limits);
        long last = 0;
        foreach (SupervisorEvent e in events.TakeWhile(e => e.Time <= time || e is SupervisorSnapshot))
        {
            model.OnEvent(e);
            last = e.Sequence;
        }

        return model.Until(last, TimeSpan.Zero)!;
    }

    /// <summary>Events as their wire form, which compares by value.</summary>
    public static List<TuiProcManager.Protocol.V1.Event> Wire(IEnumerable<SupervisorEvent> events) => [.. events.Select(e => e.ToWire())];

    private static WorkerEnded Ended(EventBuilder e, List<int> alive, int w)
    {
        _ = alive.Remove(w);
        return e.Ended(w);
    }
}

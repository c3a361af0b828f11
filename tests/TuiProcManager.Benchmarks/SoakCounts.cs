using System.Collections.Concurrent;
using TuiProcManager.Core.Events;

namespace TuiProcManager.Benchmarks;

/// <summary>What the event stream said, counted on the subscriber's thread; operations counted on the driver's.</summary>
internal sealed class SoakCounts
{
    private long _spawned, _ended, _leftEnded, _leftSurvived, _dropped;

    public ConcurrentDictionary<string, int> Operations { get; } = new();

    public ConcurrentDictionary<string, int> Exits { get; } = new();

    public long Spawned => Interlocked.Read(ref _spawned);

    public long Ended => Interlocked.Read(ref _ended);

    public long LeftBehindEnded => Interlocked.Read(ref _leftEnded);

    public long LeftBehindSurvived => Interlocked.Read(ref _leftSurvived);

    public long Dropped => Interlocked.Read(ref _dropped);

    public void Op(string name) => Operations.AddOrUpdate(name, 1, (_, n) => n + 1);

    public void Take(SupervisorEvent e)
    {
        switch (e)
        {
            case WorkerSpawned:
                Interlocked.Increment(ref _spawned);
                break;
            case WorkerEnded ended:
                Interlocked.Increment(ref _ended);
                Exits.AddOrUpdate(ended.Exit.Kind.ToString(), 1, (_, n) => n + 1);
                break;
            case ProcessLeftBehind left:
                Interlocked.Increment(ref left.Ended ? ref _leftEnded : ref _leftSurvived);
                break;
            case EventsDropped dropped:
                Interlocked.Add(ref _dropped, dropped.Count);
                break;
            default:
                break;
        }
    }
}

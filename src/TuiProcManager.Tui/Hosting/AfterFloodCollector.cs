using System.Reactive.Concurrency;
using TuiProcManager.Core.Events;

namespace TuiProcManager.Tui.Hosting;

/// <summary>
/// Gives the memory of a flood back to the system once it is over: when the app has allocated more than
/// <see cref="Threshold"/> bytes since the last time, and no output line has come for <see cref="Quiet"/>,
/// one full, compacting, decommitting collection.
/// </summary>
/// <remarks>
/// <para>
/// Why: a worker printing a million lines makes a few hundred MB of short-lived strings and events. The GC
/// keeps what its generation-0 budget grew to committed and resident for the next allocations, and an idle
/// UI allocates too little to trigger another collection: 41 MiB resident after a flood where the live
/// data is about 2 MiB (the output panel's bounded scrollback). The runtime's settings (conserve memory,
/// smaller gen-0 budget, non-concurrent) did not bring that back (measured: the memory benchmark's
/// <c>--gc</c> table); only a collection that decommits does.
/// </para>
/// <para>
/// Cost: once per flood, a blocking collection of a heap of a few MiB (milliseconds), on the timer thread;
/// no timer runs while nothing floods (one is started by the batch that crosses the threshold). Thread-safe:
/// batches arrive on the UI thread, the check runs on the timer thread.
/// </para>
/// </remarks>
internal sealed class AfterFloodCollector
{
    /// <summary>Bytes allocated since the last collection that make a flood worth collecting after.</summary>
    internal const long Threshold = 64L * 1024 * 1024;

    /// <summary>How long without an output line before the flood counts as over.</summary>
    internal static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly IScheduler _timers;
    private readonly Func<long> _allocated;
    private readonly Action _collect;
    private long _allocatedAtLast;
    private DateTimeOffset _lastOutput;
    private bool _armed;

    /// <param name="timers">Runs the quiet check (and the collection).</param>
    /// <param name="allocated">Bytes allocated by the process so far (<see cref="GC.GetTotalAllocatedBytes(bool)"/>).</param>
    /// <param name="collect">The collection.</param>
    public AfterFloodCollector(IScheduler timers, Func<long> allocated, Action collect)
    {
        _timers = timers;
        _allocated = allocated;
        _collect = collect;
        _allocatedAtLast = allocated();
    }

    /// <summary>
    /// The app's own: the GC's counter and an aggressive collection (it decommits what it frees); armed at
    /// once, so that start-up's garbage (themes, configuration, the first layout) goes too, once the output
    /// is first quiet: 28.7 MiB resident 5 s after start without this.
    /// </summary>
    public static AfterFloodCollector ForThisProcess(IScheduler timers)
    {
        AfterFloodCollector collector = new(
            timers,
            () => GC.GetTotalAllocatedBytes(precise: false),
            () => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true));
        collector.Arm();
        return collector;
    }

    /// <summary>Collects once the output has been quiet for <see cref="Quiet"/>, whatever was allocated (after start-up).</summary>
    public void Arm()
    {
        lock (_gate)
        {
            _lastOutput = _timers.Now;
            if (!_armed)
            {
                _armed = true;
                _timers.Schedule(Quiet, Check);
            }
        }
    }

    /// <summary>How many collections it has made (for tests and the memory benchmark).</summary>
    public int Collections { get; private set; }

    /// <summary>A batch the UI took (UI thread).</summary>
    public void Saw(IList<SupervisorEvent> batch)
    {
        bool output = false;
        foreach (SupervisorEvent e in batch)
        {
            if (e is OutputLine or EventsDropped)
            {
                output = true;
                break;
            }
        }

        if (!output)
        {
            return;
        }

        lock (_gate)
        {
            _lastOutput = _timers.Now;
            if (!_armed && _allocated() - _allocatedAtLast > Threshold)
            {
                _armed = true;
                _timers.Schedule(Quiet, Check);
            }
        }
    }

    /// <summary>On the timer thread: collects if the output has been quiet long enough, else looks again when it may have been.</summary>
    private void Check()
    {
        lock (_gate)
        {
            TimeSpan since = _timers.Now - _lastOutput;
            if (since < Quiet)
            {
                _timers.Schedule(Quiet - since, Check);
                return;
            }

            _armed = false;
        }

        _collect(); // outside the gate: the UI thread must not wait for a collection to take its next batch
        lock (_gate)
        {
            _allocatedAtLast = _allocated();
            Collections++;
        }
    }
}

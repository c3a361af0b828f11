using System.Reactive.Concurrency;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Tui.Hosting;

// Design: docs/decisions/0004-backpressure-and-delivery.md
/// <summary>
/// Where the event stream waits for the UI: events gather for one window (about 33 ms) after the first of a
/// quiet spell and go to the UI thread as one batch; the next batch is not sent before the UI has taken the
/// last one; and while the UI is behind, the oldest waiting output lines beyond a bound are dropped and
/// counted, so that what reaches the Output panel is always the tail.
/// </summary>
/// <remarks>
/// <para>
/// The supervisor's bounded per-subscriber queue only bounds what waits for <em>delivery</em>; delivery to
/// an Rx pipeline never waits, so a Buffer + ObserveOn chain moved the backlog past the bound, into
/// ObserveOn's queue. A UI thread slower than a flooding worker (a debug build on a busy machine with
/// <c>yes</c> as a worker) then grew to 6 GB and could not act on SIGHUP while it worked through the
/// backlog. Here at most <see cref="MaxPendingLines"/> output lines wait, plus the events that are never
/// dropped (lifecycle, states, samples: a handful a second per worker).
/// </para>
/// <para>
/// No timer runs while nothing happens: the window's timer is started by the first event after a quiet
/// spell. Thread-safe: events arrive on the supervisor's delivery threads, batches run on
/// <c>ui</c>.
/// </para>
/// </remarks>
internal sealed class UiInbox : IObserver<SupervisorEvent>, IDisposable
{
    /// <summary>Output lines that may wait for the UI; more are dropped (and counted) until it catches up.</summary>
    internal const int MaxPendingLines = 5_000;

    private readonly Lock _gate = new();
    private readonly TimeSpan _window;
    private readonly IScheduler _timers;
    private readonly IScheduler _ui;
    private readonly Action<IList<SupervisorEvent>> _apply;
    private readonly Dictionary<WorkerId, (long Sequence, DateTimeOffset Time, long Lines)> _dropped = [];
    private List<SupervisorEvent> _pending = [];
    private int _pendingLines;
    private bool _busy; // a window is open, or a batch is on its way to the UI or being applied there
    private bool _disposed;

    /// <param name="window">How long a batch gathers after its first event.</param>
    /// <param name="timers">Runs the window's timer (one timed item per batch: never a long-running one).</param>
    /// <param name="ui">The UI thread.</param>
    /// <param name="apply">Takes a batch, on the UI thread.</param>
    public UiInbox(TimeSpan window, IScheduler timers, IScheduler ui, Action<IList<SupervisorEvent>> apply)
    {
        _window = window;
        _timers = timers;
        _ui = ui;
        _apply = apply;
    }

    /// <summary>Output lines dropped so far because the UI was behind (for tests and the flood benchmark).</summary>
    public long DroppedLines { get; private set; }

    public void OnNext(SupervisorEvent value)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            if (value is OutputLine && ++_pendingLines > MaxPendingLines)
            {
                DropOldestLines();
            }

            _pending.Add(value);
            if (!_busy)
            {
                _busy = true;
                _timers.Schedule(_window, Send);
            }
        }
    }

    public void OnError(Exception error)
    {
        // The supervisor's stream does not fail; if it did, the panels would simply stop changing.
    }

    public void OnCompleted()
    {
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _pending = [];
            _dropped.Clear();
        }
    }

    /// <summary>
    /// Drops the older half of the waiting output lines, keeping every other event and the newest lines.
    /// Half at a time, so that a flood costs one pass per <see cref="MaxPendingLines"/>/2 lines. Caller holds the gate.
    /// </summary>
    private void DropOldestLines()
    {
        int toDrop = MaxPendingLines / 2;
        List<SupervisorEvent> kept = new(_pending.Count - toDrop + 16);
        foreach (SupervisorEvent e in _pending)
        {
            if (toDrop > 0 && e is OutputLine line)
            {
                toDrop--;
                _pendingLines--;
                DroppedLines++;
                _dropped[line.Worker] = _dropped.TryGetValue(line.Worker, out var d)
                    ? d with { Lines = d.Lines + 1 }
                    : (line.Sequence, line.Time, 1);
                continue;
            }

            kept.Add(e);
        }

        _pending = kept;
    }

    /// <summary>The window closed: the batch goes to the UI (timer thread).</summary>
    private void Send()
    {
        List<SupervisorEvent> batch;
        lock (_gate)
        {
            batch = _pending;
            foreach ((WorkerId worker, (long sequence, DateTimeOffset time, long lines)) in _dropped)
            {
                batch.Add(new EventsDropped(sequence, time, worker, lines, lines));
            }

            _pending = [];
            _pendingLines = 0;
            _dropped.Clear();
        }

        _ui.Schedule(() => Apply(batch));
    }

    /// <summary>On the UI thread: applies the batch, then opens the next window if events came meanwhile.</summary>
    private void Apply(List<SupervisorEvent> batch)
    {
        try
        {
            if (batch.Count > 0)
            {
                _apply(batch);
            }
        }
        finally
        {
            lock (_gate)
            {
                if (_pending.Count > 0 || _dropped.Count > 0)
                {
                    _timers.Schedule(_window, Send); // still busy: the next window starts now
                }
                else
                {
                    _busy = false;
                }
            }
        }
    }
}

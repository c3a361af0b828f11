using TuiProcManager.Core.Events;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Tui.Models;

/// <summary>
/// The run summary for the UI: <see cref="RunSummaryBuilder"/> fed with every event, and the summary of
/// the last run that ended (a run is a stretch with at least one worker alive). UI thread only.
/// </summary>
/// <param name="cores">Cores for the all-at-once estimate (the machine's, <see cref="Environment.ProcessorCount"/>).</param>
internal sealed class RunSummaryModel(int cores)
{
    private RunSummaryBuilder _builder = new();
    private DateTimeOffset _lastEvent;
    private bool _started; // a worker has been alive: the builder's RunEnded is false before that too

    /// <summary>The summary of the last run that ended; null before the first ends.</summary>
    public RunSummary? Last { get; private set; }

    /// <summary>Whether a run is going on (at least one of its workers alive).</summary>
    public bool RunGoing { get; private set; }

    /// <summary>The run going on so far, counted up to the latest event; or the last one, or null.</summary>
    public RunSummary? Current() => RunGoing ? _builder.Build(cores, _lastEvent) : Last;

    /// <summary>Forgets every run.</summary>
    public void Clear()
    {
        _builder = new RunSummaryBuilder();
        (_lastEvent, _started, RunGoing, Last) = (default, false, false, null);
    }

    /// <summary>Takes one event into account.</summary>
    /// <returns>
    /// <see cref="RunChange.Ended"/> when this event ended a run (<see cref="Last"/> is then its summary),
    /// <see cref="RunChange.Started"/> when it started one, else <see cref="RunChange.None"/>.
    /// </returns>
    public RunChange Apply(SupervisorEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        _builder.Add(e);
        _lastEvent = e.Time > _lastEvent ? e.Time : _lastEvent;
        _started |= e is WorkerSpawned || (e is SupervisorSnapshot s && s.Workers.Any(w => w.State != WorkerState.Ended));
        bool going = _started && !_builder.RunEnded;
        RunChange change = (RunGoing, going) switch
        {
            (false, true) => RunChange.Started,
            (true, false) => RunChange.Ended,
            _ => RunChange.None,
        };
        RunGoing = going;
        if (change == RunChange.Ended)
        {
            Last = _builder.Build(cores);
        }

        return change;
    }
}


using System.Collections.Immutable;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Labs.Checks;

/// <summary>
/// What has happened so far, folded from the supervisor's event stream: the facts every check reads.
/// One fold for all checks, so a check is a plain predicate over it (<see cref="Check.IsMet"/>).
/// </summary>
/// <remarks>
/// Not thread-safe: one thread applies events (the UI thread, or the <c>--check</c> reader). Only the
/// stream is read, never keys: a step is done however the student did it, from the UI, from <c>run</c>,
/// or by any program driving the supervisor. Bounded: output lines, results and samples are capped.
/// </remarks>
public sealed class LabWorld
{
    /// <summary>Most results and CPU samples remembered.</summary>
    public const int MaxRemembered = 10_000;

    private readonly Dictionary<WorkerId, WorkerFacts> _workers = [];
    private readonly Dictionary<PoolId, PoolFacts> _pools = [];
    private readonly HashSet<(SchedulingMode, int)> _modesSeen = [];
    private readonly HashSet<WorkerId> _running = [];
    private readonly List<FinishedRun> _runs = [];
    private readonly List<ResultRecorded> _results = [];
    private readonly List<(DateTimeOffset Time, double LeastBusyCore)> _cpu = [];
    private WorkerId? _soleRunner;
    private RunInProgress? _run;

    private readonly bool _rememberOutput;

    /// <summary>A world before any event; <paramref name="cores"/> until the stream says how many the machine has.</summary>
    /// <param name="cores">The machine's cores, until a machine sample says.</param>
    /// <param name="rememberOutput">Keep the lines workers print (only a lab with a <c>printed</c> check needs them).</param>
    public LabWorld(int cores, bool rememberOutput = true)
    {
        Cores = Math.Max(1, cores);
        _rememberOutput = rememberOutput;
        _modesSeen.Add((Mode, Slots));
    }

    /// <summary>
    /// Whether <paramref name="e"/> can change a fact a check reads: output only when output is kept;
    /// never samples of a worker's resources, descendants, dropped-event counts or pool dispatch. The
    /// session evaluates the checks only after such events, so that a flood of output costs nothing.
    /// </summary>
    public bool Matters(SupervisorEvent e) => e switch
    {
        OutputLine => _rememberOutput,
        ResourceSampled or DescendantStateChanged or EventsDropped or PoolTaskAssigned or JoinStarted or ProcessLeftBehind => false,
        _ => true,
    };

    /// <summary>CPU cores: from the latest machine sample, else as given.</summary>
    public int Cores { get; private set; }

    /// <summary>Every worker spawned, by ID.</summary>
    public IReadOnlyDictionary<WorkerId, WorkerFacts> Workers => _workers;

    /// <summary>The scheduling mode now.</summary>
    public SchedulingMode Mode { get; private set; } = SchedulingMode.Parallel;

    /// <summary>The run slots now.</summary>
    public int Slots { get; private set; } = 1;

    /// <summary>Every (mode, slots) the supervisor has been in.</summary>
    public IReadOnlySet<(SchedulingMode Mode, int Slots)> ModesSeen => _modesSeen;

    /// <summary>Workers running (on a CPU, or ready to be) now.</summary>
    public IReadOnlySet<WorkerId> Running => _running;

    /// <summary>
    /// Hand-overs seen in pause-on-wait mode with one slot: the one worker running changed from one to
    /// another (what the States panel shows as lanes taking turns).
    /// </summary>
    public int Turns { get; private set; }

    /// <summary>Runs that have ended, oldest first.</summary>
    public IReadOnlyList<FinishedRun> Runs => _runs;

    /// <summary>Every pool started, by ID.</summary>
    public IReadOnlyDictionary<PoolId, PoolFacts> Pools => _pools;

    /// <summary>Results recorded in the shared table (at most <see cref="MaxRemembered"/>).</summary>
    public IReadOnlyList<ResultRecorded> Results => _results;

    /// <summary>Machine samples, oldest first: when, and the busiest-least core's use in percent (at most <see cref="MaxRemembered"/>).</summary>
    public IReadOnlyList<(DateTimeOffset Time, double LeastBusyCore)> CpuSamples => _cpu;

    /// <summary>Folds one event in.</summary>
    public void Apply(SupervisorEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        switch (e)
        {
            case SupervisorSnapshot s: Snapshot(s); break;
            case WorkerSpawned s: Spawned(s.Worker, s.Spec, s.Time); break;
            case WorkerStateChanged c when _workers.TryGetValue(c.Worker, out WorkerFacts? w): StateChanged(w, c.To); break;
            case SignalSent s when _workers.TryGetValue(s.Worker, out WorkerFacts? w): Signalled(w, s); break;
            case WorkerScheduled { Change: SlotChange.Granted or SlotChange.Queued } s when _workers.TryGetValue(s.Worker, out WorkerFacts? w) && w.PausedByUser:
                // The scheduler never admits a worker the user paused (the pause itself makes it leave):
                // an admission means the user resumed it (in pause-on-wait mode a resume re-admits it,
                // which continues it or queues it, instead of sending SIGCONT).
                w.PausedByUser = false;
                w.Resumed = true;
                break;
            case WorkerEnded ended when _workers.TryGetValue(ended.Worker, out WorkerFacts? w): Ended(w, ended); break;
            case WorkerJoined { Outcome: JoinOutcome.Ended } j when _workers.TryGetValue(j.Worker, out WorkerFacts? w): w.Joined = true; break;
            case WorkerJoined { Outcome: JoinOutcome.TimedOut } j when _workers.TryGetValue(j.Worker, out WorkerFacts? w): w.JoinTimedOut = true; break;
            case OutputLine { Channel: not OutputChannel.Results } line when _rememberOutput && _workers.TryGetValue(line.Worker, out WorkerFacts? w): w.Printed(line.Text); break;
            case MachineSampled m when !m.CoreBusyPercent.IsDefaultOrEmpty: Sampled(m); break;
            case SchedulingChanged c: ModeChanged(c.Mode, c.Slots); break;
            case PoolStarted p: _pools[p.Pool] = new PoolFacts(p.Pool, p.Request); break;
            case PoolWorkerReplaced r when _pools.TryGetValue(r.Pool, out PoolFacts? pool):
                pool.Losses.Add(_workers.TryGetValue(r.Worker, out WorkerFacts? lost) && (lost.Killed || lost.Terminated));
                break;
            case PoolFinished f when _pools.TryGetValue(f.Pool, out PoolFacts? pool): pool.Outcome = f.Outcome; break;
            case ResultRecorded r when _results.Count < MaxRemembered: _results.Add(r); break;
            default: break;
        }
    }

    private void Snapshot(SupervisorSnapshot s)
    {
        ModeChanged(s.Mode, s.Slots);
        foreach (WorkerInfo info in s.Workers.Where(w => !_workers.ContainsKey(w.Worker)))
        {
            Spawned(info.Worker, info.Spec, info.StartedAt);
            WorkerFacts w = _workers[info.Worker];
            w.PausedByUser = info.PausedByUser;
            w.Joined = info.Joined;
            StateChanged(w, info.State);
            if (info.Exit is { } exit)
            {
                Ended(w, new WorkerEnded(s.Sequence, info.EndedAt ?? s.Time, info.Worker, exit));
            }
        }
    }

    private void Spawned(WorkerId id, WorkerSpec spec, DateTimeOffset time)
    {
        _workers[id] = new WorkerFacts(id, spec, time, Mode, Slots);
        _run ??= new RunInProgress(time, Mode, Slots);
        _run.Workers.Add(id);
        _run.Alive++;
    }

    private void StateChanged(WorkerFacts w, WorkerState to)
    {
        w.State = to;
        if (to == WorkerState.Paused && w.PausedByUser)
        {
            w.SeenPaused = true;
        }

        if (to == WorkerState.Running)
        {
            _running.Add(w.Id);
        }
        else
        {
            _running.Remove(w.Id);
        }

        if (_running.Count == 1)
        {
            WorkerId sole = _running.First();
            if (_soleRunner is { } before && before != sole && Mode == SchedulingMode.PauseOnWait && Slots == 1)
            {
                Turns++;
            }

            _soleRunner = sole;
        }
    }

    private static void Signalled(WorkerFacts w, SignalSent s)
    {
        if (s.Cause != SignalCause.Request)
        {
            if (s.Cause == SignalCause.FollowUp && s.Signal == ProcessSignal.Continue)
            {
                w.PausedByUser = false; // terminate's SIGCONT, so that the SIGTERM is delivered
            }

            return;
        }

        switch (s.Signal)
        {
            case ProcessSignal.Stop:
                w.PausedByUser = true;
                break;
            case ProcessSignal.Continue:
                w.Resumed |= w.PausedByUser;
                w.PausedByUser = false;
                break;
            case ProcessSignal.Terminate:
                w.Terminated = true;
                w.TerminatedWhilePaused |= w.PausedByUser || w.State == WorkerState.Paused;
                break;
            default:
                w.Killed = true;
                break;
        }
    }

    private void Ended(WorkerFacts w, WorkerEnded ended)
    {
        if (w.Exit is not null)
        {
            return;
        }

        w.Exit = ended.Exit;
        w.State = WorkerState.Ended;
        _running.Remove(w.Id);
        if (_run is { } run && run.Workers.Contains(w.Id) && --run.Alive == 0)
        {
            _runs.Add(new FinishedRun(run.Start, ended.Time, run.Mode, run.Slots, run.ModeChanged, [.. run.Workers]));
            _run = null;
        }
    }

    private void Sampled(MachineSampled m)
    {
        Cores = m.CoreBusyPercent.Length;
        if (_cpu.Count == MaxRemembered)
        {
            _cpu.RemoveRange(0, MaxRemembered / 2);
        }

        _cpu.Add((m.Time, m.CoreBusyPercent.Min()));
    }

    private void ModeChanged(SchedulingMode mode, int slots)
    {
        if ((mode, slots) == (Mode, Slots))
        {
            return;
        }

        (Mode, Slots) = (mode, slots);
        _modesSeen.Add((mode, slots));
        _soleRunner = null;
        if (_run is not null)
        {
            _run.ModeChanged = true;
        }
    }

    private sealed class RunInProgress(DateTimeOffset start, SchedulingMode mode, int slots)
    {
        public DateTimeOffset Start { get; } = start;

        public SchedulingMode Mode { get; } = mode;

        public int Slots { get; } = slots;

        public bool ModeChanged { get; set; }

        public List<WorkerId> Workers { get; } = [];

        public int Alive { get; set; }
    }
}

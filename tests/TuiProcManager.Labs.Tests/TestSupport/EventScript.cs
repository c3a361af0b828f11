using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Labs.Tests.TestSupport;

/// <summary>
/// Writes an event stream as the supervisor would publish it, for checks and sessions to be tested on
/// exact, repeatable streams: the lab's steps in a few words (a square spawned and running, a join), each
/// event made by the shared <see cref="EventBuilder"/>.
/// </summary>
internal sealed class EventScript
{
    private readonly List<SupervisorEvent> _events = [];
    private readonly EventBuilder _make = new() { Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero) };

    public DateTimeOffset Now => _make.Now;

    public IReadOnlyList<SupervisorEvent> Events => _events;

    public static Workload Watchable { get; } = new(10, 300, 200);

    public static Workload Busy { get; } = new(20, 1000, 0);

    public EventScript Advance(double milliseconds)
    {
        _make.Now = Now.AddMilliseconds(milliseconds);
        return this;
    }

    public T Add<T>(Func<long, DateTimeOffset, T> make) where T : SupervisorEvent => Add(make(_make.NextSequence(), Now));

    private T Add<T>(T e) where T : SupervisorEvent
    {
        _events.Add(e);
        return e;
    }

    public WorkerId Spawn(int id, WorkerSpec spec)
    {
        Add(_make.Spawned(id, spec));
        State(id, WorkerState.Running);
        return new WorkerId(id);
    }

    public WorkerId Square(int id, string n = "10", Workload? workload = null) => Spawn(id, WorkerSpec.Square(n, workload ?? Watchable));

    public WorkerId Cube(int id, string n = "10", Workload? workload = null) => Spawn(id, WorkerSpec.Cube(n, workload ?? Watchable));

    public void State(int id, WorkerState to, WorkerState from = WorkerState.Starting) =>
        Add(_make.State(id, from, to));

    public void Signal(int id, ProcessSignal signal, SignalCause cause = SignalCause.Request) =>
        Add(_make.Signal(id, signal, signal.Name(), cause));

    public void Print(int id, string line) =>
        Add(_make.Line(id, line, number: 1));

    public void End(int id, WorkerExit? exit = null)
    {
        State(id, WorkerState.Ended, WorkerState.Running);
        Add(_make.Ended(id, exit));
    }

    public void Join(int id, JoinOutcome outcome = JoinOutcome.Ended, TimeSpan? timeout = null)
    {
        Add(_make.JoinStarted(id, timeout));
        Add(_make.Joined(id, outcome));
    }

    public void Mode(SchedulingMode mode, int slots = 1) => Add(_make.Mode(mode, slots));

    public void Cpu(params double[] cores) => Add(_make.Machine(cores));

    public PoolId Pool(int id, int inputs, int size, Workload? workload = null) =>
        Add((s, t) => new PoolStarted(s, t, new PoolId(id), new PoolRequest([.. Enumerable.Range(1, inputs).Select(i => new PoolTask(WorkerKind.Square, i.ToString(System.Globalization.CultureInfo.InvariantCulture)))], size, workload ?? new Workload(4, 200, 200)), 1)).Pool;

    public void Result(int worker, string input, string value, int? pool = null) =>
        Add((s, t) => new ResultRecorded(s, t, new WorkerId(worker), WorkerKind.Square, input, value, null, pool is { } p ? new PoolId(p) : null, null));

    public void PoolWorkerLost(int worker, int pool, int replacement) =>
        Add(_make.Replaced(worker, pool, replacement, "killed by SIGKILL with square(3) in hand"));

    public void PoolDone(int pool, int ok, int failed) => Add(_make.PoolFinished(pool, ok, failed));
}

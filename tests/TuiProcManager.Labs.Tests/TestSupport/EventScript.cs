using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Labs.Tests.TestSupport;

/// <summary>
/// Writes an event stream as the supervisor would publish it (sequence numbers in order, a clock that
/// moves only when told), for checks and sessions to be tested on exact, repeatable streams.
/// </summary>
internal sealed class EventScript
{
    private readonly List<SupervisorEvent> _events = [];
    private long _sequence;

    public DateTimeOffset Now { get; private set; } = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    public IReadOnlyList<SupervisorEvent> Events => _events;

    public static Workload Watchable { get; } = new(10, 300, 200);

    public static Workload Busy { get; } = new(20, 1000, 0);

    public EventScript Advance(double milliseconds)
    {
        Now = Now.AddMilliseconds(milliseconds);
        return this;
    }

    public T Add<T>(Func<long, DateTimeOffset, T> make) where T : SupervisorEvent
    {
        T e = make(++_sequence, Now);
        _events.Add(e);
        return e;
    }

    public WorkerId Spawn(int id, WorkerSpec spec)
    {
        Add((s, t) => new WorkerSpawned(s, t, new WorkerId(id), spec, 1000 + id));
        State(id, WorkerState.Running);
        return new WorkerId(id);
    }

    public WorkerId Square(int id, string n = "10", Workload? workload = null) => Spawn(id, WorkerSpec.Square(n, workload ?? Watchable));

    public WorkerId Cube(int id, string n = "10", Workload? workload = null) => Spawn(id, WorkerSpec.Cube(n, workload ?? Watchable));

    public void State(int id, WorkerState to, WorkerState from = WorkerState.Starting) =>
        Add((s, t) => new WorkerStateChanged(s, t, new WorkerId(id), from, to, "test"));

    public void Signal(int id, ProcessSignal signal, SignalCause cause = SignalCause.Request) =>
        Add((s, t) => new SignalSent(s, t, new WorkerId(id), signal, signal.Name(), cause));

    public void Print(int id, string line) =>
        Add((s, t) => new OutputLine(s, t, new WorkerId(id), OutputChannel.Stdout, line, 1));

    public void End(int id, WorkerExit? exit = null)
    {
        State(id, WorkerState.Ended, WorkerState.Running);
        Add((s, t) => new WorkerEnded(s, t, new WorkerId(id), exit ?? WorkerExit.Exited(0)));
    }

    public void Join(int id, JoinOutcome outcome = JoinOutcome.Ended, TimeSpan? timeout = null)
    {
        Add((s, t) => new JoinStarted(s, t, new WorkerId(id), timeout));
        Add((s, t) => new WorkerJoined(s, t, new WorkerId(id), outcome, outcome == JoinOutcome.Ended ? WorkerExit.Exited(0) : null));
    }

    public void Mode(SchedulingMode mode, int slots = 1) => Add((s, t) => new SchedulingChanged(s, t, mode, slots));

    public void Cpu(params double[] cores) => Add((s, t) => new MachineSampled(s, t, [.. cores]));

    public PoolId Pool(int id, int inputs, int size, Workload? workload = null) =>
        Add((s, t) => new PoolStarted(s, t, new PoolId(id), new PoolRequest([.. Enumerable.Range(1, inputs).Select(i => new PoolTask(WorkerKind.Square, i.ToString(System.Globalization.CultureInfo.InvariantCulture)))], size, workload ?? new Workload(4, 200, 200)), 1)).Pool;

    public void Result(int worker, string input, string value, int? pool = null) =>
        Add((s, t) => new ResultRecorded(s, t, new WorkerId(worker), WorkerKind.Square, input, value, null, pool is { } p ? new PoolId(p) : null, null));

    public void PoolWorkerLost(int worker, int pool, int replacement) =>
        Add((s, t) => new PoolWorkerReplaced(s, t, new WorkerId(worker), new PoolId(pool), new WorkerId(replacement), "killed by SIGKILL with square(3) in hand"));

    public void PoolDone(int pool, int ok, int failed) => Add((s, t) => new PoolFinished(s, t, new PoolId(pool), new PoolOutcome(ok, failed, 0)));
}

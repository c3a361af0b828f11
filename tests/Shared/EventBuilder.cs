using System.Collections.Immutable;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Testing;

/// <summary>
/// Builds supervisor events as the supervisor would publish them: numbered in order, at <see cref="Now"/>, a
/// clock that moves only when the test moves it. The one set of event builders of the Tui and Labs tests.
/// </summary>
internal sealed class EventBuilder
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private long _sequence;

    public DateTimeOffset Now { get; set; } = T0;

    /// <summary>The next sequence number, for an event made by hand.</summary>
    public long NextSequence() => ++_sequence;

    public WorkerSpawned Spawned(int id, WorkerSpec? spec = null, int? pid = null) =>
        new(++_sequence, Now, new WorkerId(id), spec ?? WorkerSpec.Square("10"), pid ?? 1000 + id);

    public WorkerStateChanged State(int id, WorkerState from, WorkerState to, string why = "test") =>
        new(++_sequence, Now, new WorkerId(id), from, to, why);

    public OutputLine Line(int id, string text, OutputChannel channel = OutputChannel.Stdout, long number = 0) =>
        new(++_sequence, Now, new WorkerId(id), channel, text, number);

    public WorkerEnded Ended(int id, WorkerExit? exit = null) => new(++_sequence, Now, new WorkerId(id), exit ?? WorkerExit.Exited(0));

    public ResourceSampled Sample(int id, double cpu, long rss = 4_000_000, params ProcessSample[] descendants) =>
        new(++_sequence, Now, new WorkerId(id), new ProcessSample(1000 + id, 1, "worker", WorkerState.Running, cpu, TimeSpan.Zero, rss), [.. descendants]);

    /// <summary>A sample of worker <paramref name="id"/>'s own process that has used <paramref name="cpuTime"/> of CPU so far.</summary>
    public ResourceSampled SampleWithTime(int id, double cpu, TimeSpan cpuTime) =>
        new(++_sequence, Now, new WorkerId(id), new ProcessSample(1000 + id, 1, "worker", WorkerState.Waiting, cpu, cpuTime, 4_000_000), []);

    public DescendantStateChanged Descendant(int id, int pid, int parent, WorkerState? from, WorkerState to, string name = "python3") =>
        new(++_sequence, Now, new WorkerId(id), pid, parent, name, from, to);

    public MachineSampled Machine(params double[] cores) => new(++_sequence, Now, [.. cores]);

    public EventsDropped Dropped(int id, long lines) => new(++_sequence, Now, new WorkerId(id), lines, lines);

    public JoinStarted JoinStarted(int id, TimeSpan? timeout = null) => new(++_sequence, Now, new WorkerId(id), timeout);

    public SignalSent Signal(int id, ProcessSignal signal, string why, SignalCause cause = SignalCause.Request) =>
        new(++_sequence, Now, new WorkerId(id), signal, why, cause);

    public WorkerJoined Joined(int id, JoinOutcome outcome = JoinOutcome.Ended) =>
        new(++_sequence, Now, new WorkerId(id), outcome, outcome == JoinOutcome.Ended ? WorkerExit.Exited(0) : null);

    public WorkerScheduled Scheduled(int id, SlotChange change, int slotsInUse, int queued, string why = "test", TimeSpan? noticedWithin = null) =>
        new(++_sequence, Now, new WorkerId(id), change, why, slotsInUse, queued, noticedWithin);

    public SchedulingChanged Mode(SchedulingMode mode, int slots = 1) => new(++_sequence, Now, mode, slots);

    public SupervisorSnapshot Snapshot(SchedulingMode mode, int slots, params WorkerInfo[] workers) => new(++_sequence, Now, [.. workers], mode, slots);

    public WorkerInfo Info(int id, WorkerState state, bool queued = false, bool pausedByUser = false) =>
        new(new WorkerId(id), WorkerSpec.Square("10"), 1000 + id, state, null, Now, null, false, 0, null, [], pausedByUser, queued);

    public PoolStarted PoolStarted(int pool, string spec, int size, int window = 1) =>
        new(++_sequence, Now, new PoolId(pool), Pool(spec, size), window);

    /// <summary>A pool request for <paramref name="spec"/> (<c>square:1..6</c>) over <paramref name="size"/> workers.</summary>
    public static PoolRequest Pool(string spec, int size, Workload? workload = null)
    {
        Assert.True(MapSpecParser.TryParse(spec, MapSpecParser.MaxInputs, out MapSpec? map, out string? error), error);
        return new PoolRequest([.. map.Tasks], size, workload ?? new Workload(4, 200, 200));
    }

    public WorkerSpawned PoolWorker(int id, int pool, int? pid = null) => Spawned(id, WorkerSpec.PoolWorker(new PoolId(pool)), pid);

    public PoolTaskAssigned Assigned(int id, int pool, int index) => new(++_sequence, Now, new WorkerId(id), new PoolId(pool), index);

    /// <summary>A result of <c>square(input)</c> by worker <paramref name="id"/>: input², or <paramref name="error"/>.</summary>
    public ResultRecorded Result(int id, int input, string? error = null, int? pool = null, int? index = null) =>
        new(++_sequence, Now, new WorkerId(id), WorkerKind.Square, input.ToString(System.Globalization.CultureInfo.InvariantCulture),
            error is null ? (input * input).ToString(System.Globalization.CultureInfo.InvariantCulture) : null, error,
            pool is { } p ? new PoolId(p) : null, index);

    public PoolWorkerReplaced Replaced(int id, int pool, int? replacement, string why = "killed by SIGKILL") =>
        new(++_sequence, Now, new WorkerId(id), new PoolId(pool), replacement is { } r ? new WorkerId(r) : null, why);

    public PoolFinished PoolFinished(int pool, int succeeded, int failed, int notRun = 0) =>
        new(++_sequence, Now, new PoolId(pool), new PoolOutcome(succeeded, failed, notRun));

    public static ProcessSample Child(int pid, int parent, double cpu, string name = "python3") =>
        new(pid, parent, name, WorkerState.Running, cpu, TimeSpan.Zero, 1_000_000);
}

using System.Collections.Immutable;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Sessions.Tests.Protocol;

/// <summary>
/// One or more samples of every concrete <see cref="SupervisorEvent"/>, together setting and leaving unset
/// every nullable value they hold (checked by <c>EventSamplesTests</c>), by name for theory data.
/// </summary>
/// <remarks>
/// The optional values set include the ones proto3 would lose without presence: a pool index of 0, a
/// descendant first seen as <see cref="WorkerState.Starting"/> (enum value 0), a zero timeout.
/// </remarks>
internal static class EventSamples
{
    /// <summary>A time with a tick below the microsecond, which a timestamp keeps (100 ns).</summary>
    private static readonly DateTimeOffset Time = EventBuilder.T0.AddTicks(1_234_567);

    private static readonly Workload Slow = new(4, 200, 150);

    private static readonly ProcessSample Own = new(4242, 1, "tuiproc-worker", WorkerState.Running, 97.5, TimeSpan.FromMilliseconds(1234.5678), 8_388_608);

    private static readonly ImmutableArray<ProcessSample> Children =
    [
        new(4243, 4242, "python3", WorkerState.Waiting, 0.25, TimeSpan.FromTicks(1), 1_000_000),
        new(4244, 4243, "sleep", WorkerState.Paused, 0, TimeSpan.Zero, 0),
    ];

    /// <summary>Specs of every kind, for the spawned events and the snapshot (before <see cref="All"/>, which uses them).</summary>
    public static IReadOnlyList<WorkerSpec> Specs { get; } =
    [
        WorkerSpec.Square("10", Slow),
        WorkerSpec.Cube("-3"),
        WorkerSpec.Square(new string('9', 500)),
        WorkerSpec.Command(["python3", "-c", "print('héllo\\tworld')", ""]),
        WorkerSpec.PoolWorker(new PoolId(2), Slow),
    ];

    /// <summary>Every sample, by a name that says what it sets.</summary>
    public static IReadOnlyDictionary<string, SupervisorEvent> All { get; } = Build();

    /// <summary>The names, as theory data.</summary>
    public static TheoryData<string> Names => [.. All.Keys];

    private static Dictionary<string, SupervisorEvent> Build()
    {
        long sequence = 0;
        WorkerId w = new(7);
        Dictionary<string, SupervisorEvent> all = new(StringComparer.Ordinal)
        {
            ["Snapshot, empty"] = new SupervisorSnapshot(sequence, Time, []),
            ["Snapshot, workers of every kind and state"] = new SupervisorSnapshot(++sequence, Time, [FullInfo(), BareInfo(), .. SpecInfos()], SchedulingMode.PauseOnWait, 3),
            ["OutputLine, stdout"] = new OutputLine(++sequence, Time, w, OutputChannel.Stdout, "Square: 100", 1),
            ["OutputLine, stderr with escapes"] = new OutputLine(++sequence, Time, w, OutputChannel.Stderr, "\u001b[31mred\u001b[0m\t\u00e9\ud83d\ude00", 2),
            ["OutputLine, results, empty"] = new OutputLine(++sequence, Time, w, OutputChannel.Results, "", long.MaxValue),
            ["WorkerStateChanged"] = new WorkerStateChanged(++sequence, Time, w, WorkerState.Running, WorkerState.Waiting, "S (sleeping)"),
            ["WorkerEnded, exited 3"] = new WorkerEnded(++sequence, Time, w, WorkerExit.Exited(3)),
            ["WorkerEnded, signaled"] = new WorkerEnded(++sequence, Time, w, WorkerExit.Signaled(15, "SIGTERM")),
            ["WorkerEnded, failed to start"] = new WorkerEnded(++sequence, Time, w, WorkerExit.FailedToStart("no such file: nope")),
            ["WorkerEnded, unknown"] = new WorkerEnded(++sequence, Time, w, WorkerExit.Unknown("reaped by someone else")),
            ["WorkerJoined, ended"] = new WorkerJoined(++sequence, Time, w, JoinOutcome.Ended, WorkerExit.Exited(0)),
            ["WorkerJoined, timed out"] = new WorkerJoined(++sequence, Time, w, JoinOutcome.TimedOut, null),
            ["JoinStarted, no timeout"] = new JoinStarted(++sequence, Time, w, null),
            ["JoinStarted, zero timeout"] = new JoinStarted(++sequence, Time, w, TimeSpan.Zero),
            ["JoinStarted, timeout"] = new JoinStarted(++sequence, Time, w, TimeSpan.FromSeconds(2.5) + TimeSpan.FromTicks(3)),
            ["SignalSent"] = new SignalSent(++sequence, Time, w, ProcessSignal.Kill, "grace period expired", SignalCause.FollowUp),
            ["ResourceSampled, no descendants"] = new ResourceSampled(++sequence, Time, w, Own, []),
            ["ResourceSampled, descendants"] = new ResourceSampled(++sequence, Time, w, Own, Children),
            ["MachineSampled, no cores"] = new MachineSampled(++sequence, Time, []),
            ["MachineSampled, cores"] = new MachineSampled(++sequence, Time, [0, 12.5, 100, 1.0 / 3]),
            ["DescendantStateChanged, first seen"] = new DescendantStateChanged(++sequence, Time, w, 4243, 4242, "python3", null, WorkerState.Running),
            ["DescendantStateChanged, from starting"] = new DescendantStateChanged(++sequence, Time, w, 4243, 4242, "python3", WorkerState.Starting, WorkerState.Ended),
            ["ProcessLeftBehind, ended"] = new ProcessLeftBehind(++sequence, Time, w, 4250, "sleep", true, "killed with SIGKILL"),
            ["ProcessLeftBehind, survived"] = new ProcessLeftBehind(++sequence, Time, w, 4251, "sleep", false, "EPERM"),
            ["ResultRecorded, result"] = new ResultRecorded(++sequence, Time, w, WorkerKind.Square, "10", "100", null),
            ["ResultRecorded, pool error at index 0"] =
                new ResultRecorded(++sequence, Time, w, WorkerKind.Cube, "-3", null, "worker 7 killed by SIGKILL while computing it", new PoolId(1), 0),
            ["SchedulingChanged"] = new SchedulingChanged(++sequence, Time, SchedulingMode.PauseOnWait, 2),
            ["WorkerScheduled, not noticed"] = new WorkerScheduled(++sequence, Time, w, SlotChange.Queued, "no slot free", 2, 5),
            ["WorkerScheduled, noticed within zero"] = new WorkerScheduled(++sequence, Time, w, SlotChange.Granted, "woke up", 1, 0, TimeSpan.Zero),
            ["WorkerScheduled, noticed within"] = new WorkerScheduled(++sequence, Time, w, SlotChange.Released, "waiting", 0, 0, TimeSpan.FromMilliseconds(150)),
            ["WorkerOutputHeld, held"] = new WorkerOutputHeld(++sequence, Time, w, true, "stdout"),
            ["WorkerOutputHeld, released"] = new WorkerOutputHeld(++sequence, Time, w, false, ""),
            ["PoolStarted"] = new PoolStarted(++sequence, Time, new PoolId(1), EventBuilder.Pool("square:1..5,-7", 3, Slow), 2),
            ["PoolStarted, cube, instant"] = new PoolStarted(++sequence, Time, new PoolId(2), EventBuilder.Pool("cube:8", 1, Workload.Instant), 1),
            ["PoolTaskAssigned"] = new PoolTaskAssigned(++sequence, Time, w, new PoolId(1), 0),
            ["PoolWorkerReplaced, replaced"] = new PoolWorkerReplaced(++sequence, Time, w, new PoolId(1), new WorkerId(9), "killed by SIGKILL"),
            ["PoolWorkerReplaced, not replaced"] = new PoolWorkerReplaced(++sequence, Time, w, new PoolId(1), null, "failed to start: EAGAIN"),
            ["PoolFinished"] = new PoolFinished(++sequence, Time, new PoolId(1), new PoolOutcome(3, 1, 2)),
            ["EventsDropped, one worker"] = new EventsDropped(++sequence, Time, w, 1000, 998),
            ["EventsDropped, machine-wide"] = new EventsDropped(++sequence, Time, null, 3, 0),
        };
        foreach (WorkerSpec spec in Specs)
        {
            all[$"WorkerSpawned, {spec.Kind} {spec.DisplayName[..Math.Min(spec.DisplayName.Length, 20)]}"] =
                new WorkerSpawned(++sequence, Time, w, spec, 4242, null);
        }

        all["WorkerSpawned, refused, with note"] = new WorkerSpawned(++sequence, Time, w, Specs[0], null, "the fork server stopped answering; posix_spawn was used");
        return all;
    }

    /// <summary>A worker with every optional value set (and every flag true).</summary>
    private static WorkerInfo FullInfo() =>
        new(new WorkerId(1), Specs[0], 1001, WorkerState.Ended, WorkerExit.Signaled(9, "SIGKILL"), Time, Time.AddSeconds(3),
            true, 12345, Own, Children, PausedByUser: true, Queued: true, OutputHeld: true);

    /// <summary>A worker with every optional value unset: never started.</summary>
    private static WorkerInfo BareInfo() =>
        new(new WorkerId(2), Specs[1], null, WorkerState.Starting, null, Time, null, false, 0, null, []);

    private static IEnumerable<WorkerInfo> SpecInfos()
    {
        for (int i = 2; i < Specs.Count; i++)
        {
            yield return new WorkerInfo(new WorkerId(i + 1), Specs[i], 1000 + i, WorkerState.Paused, null, Time, null, false, i, null, []);
        }
    }
}

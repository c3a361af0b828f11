using TuiProcManager.Core.Events;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Tests.Scheduling;

public sealed class RunSummaryBuilderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly WorkerId A = new(1), B = new(2);
    private long _sequence;

    [Fact]
    public void TwoWorkersTakingTurns_TimesPerStateAndEstimates()
    {
        RunSummaryBuilder b = new();
        b.Add(new SchedulingChanged(++_sequence, T0, SchedulingMode.PauseOnWait, 1));
        b.Add(new WorkerSpawned(++_sequence, T0, A, WorkerSpec.Square("3"), 100));
        b.Add(new WorkerSpawned(++_sequence, T0, B, WorkerSpec.Cube("3"), 101));
        b.Add(new WorkerScheduled(++_sequence, T0, B, SlotChange.Queued, "queued", 1, 1));
        State(A, 0, WorkerState.Starting, WorkerState.Running);
        State(B, 0, WorkerState.Starting, WorkerState.Paused);
        State(A, 1000, WorkerState.Running, WorkerState.Waiting);            // A: 1 s running
        b.Add(new WorkerScheduled(++_sequence, At(1000), B, SlotChange.Granted, "got the slot", 1, 0));
        State(B, 1000, WorkerState.Paused, WorkerState.Running);             // B: 1 s queued
        State(A, 2000, WorkerState.Waiting, WorkerState.Ended);              // A: 1 s waiting
        b.Add(new WorkerScheduled(++_sequence, At(1500), A, SlotChange.Queued, "woke", 1, 1, TimeSpan.FromMilliseconds(0.8)));
        State(B, 3000, WorkerState.Running, WorkerState.Ended);              // B: 2 s running

        void State(WorkerId w, int ms, WorkerState from, WorkerState to) =>
            b.Add(new WorkerStateChanged(++_sequence, At(ms), w, from, to, "why"));

        RunSummary s = b.Build(cores: 2)!;

        Assert.True(b.RunEnded);
        Assert.Equal(TimeSpan.FromSeconds(3), s.Makespan);
        Assert.Equal((1.0, 1.0, 0.0), Seconds(s.Workers[0]));
        Assert.Equal((2.0, 0.0, 1.0), Seconds(s.Workers[1]));
        Assert.Equal(TimeSpan.FromSeconds(4), s.OneAfterAnother); // 2 + 2
        Assert.Equal(TimeSpan.FromSeconds(2), s.AllAtOnce); // max(2, 3 s of CPU over 2 cores)
        string text = string.Join('\n', s.ToLines());
        Assert.Contains("makespan 3.00 s (pause-on-wait, 1 slot, 2 workers)", text, StringComparison.Ordinal);
        Assert.Contains("one after another ≈ 4.00 s (this run: 0.75× of it)", text, StringComparison.Ordinal);
        Assert.Contains("wake-ups while the slots were taken: 1, noticed within 0.8 ms", text, StringComparison.Ordinal);
    }

    [Fact]
    public void SpawnAfterEverythingEnded_StartsANewRun()
    {
        RunSummaryBuilder b = new();
        b.Add(new WorkerSpawned(++_sequence, T0, A, WorkerSpec.Square("3"), 100));
        b.Add(new WorkerStateChanged(++_sequence, At(500), A, WorkerState.Starting, WorkerState.Ended, "exited"));
        b.Add(new WorkerSpawned(++_sequence, At(60_000), B, WorkerSpec.Square("4"), 101));

        RunSummary s = b.Build(cores: 2, now: At(61_000))!;

        Assert.False(b.RunEnded);
        Assert.Equal(TimeSpan.FromSeconds(1), s.Makespan);
        Assert.Equal(B, Assert.Single(s.Workers).Worker);
        Assert.Equal(TimeSpan.FromSeconds(1), s.Workers[0].Running); // still running: counted up to now
    }

    [Fact]
    public void NothingSpawned_NoSummary() => Assert.Null(new RunSummaryBuilder().Build(2));

    private static DateTimeOffset At(int ms) => T0.AddMilliseconds(ms);

    private static (double Running, double Waiting, double Queued) Seconds(WorkerTimes w) =>
        (w.Running.TotalSeconds, w.Waiting.TotalSeconds, w.Queued.TotalSeconds);
}

using TuiProcManager.Core.Events;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Tests.Scheduling;

public sealed class RunSummaryBuilderTests
{
    private static readonly WorkerId B = new(2);
    private readonly EventBuilder _e = new();

    [Fact]
    public void TwoWorkersTakingTurns_TimesPerStateAndEstimates()
    {
        RunSummaryBuilder b = new();
        b.Add(_e.Mode(SchedulingMode.PauseOnWait, 1));
        b.Add(_e.Spawned(1, WorkerSpec.Square("3"), 100));
        b.Add(_e.Spawned(2, WorkerSpec.Cube("3"), 101));
        b.Add(_e.Scheduled(2, SlotChange.Queued, 1, 1, "queued"));
        b.Add(At(0).State(1, WorkerState.Starting, WorkerState.Running));
        b.Add(At(0).State(2, WorkerState.Starting, WorkerState.Paused));
        b.Add(At(1000).State(1, WorkerState.Running, WorkerState.Waiting));     // A: 1 s running
        b.Add(At(1000).Scheduled(2, SlotChange.Granted, 1, 0, "got the slot"));
        b.Add(At(1000).State(2, WorkerState.Paused, WorkerState.Running));      // B: 1 s queued
        b.Add(At(2000).State(1, WorkerState.Waiting, WorkerState.Ended));       // A: 1 s waiting
        b.Add(At(1500).Scheduled(1, SlotChange.Queued, 1, 1, "woke", TimeSpan.FromMilliseconds(0.8)));
        b.Add(At(3000).State(2, WorkerState.Running, WorkerState.Ended));       // B: 2 s running

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
        b.Add(_e.Spawned(1, WorkerSpec.Square("3"), 100));
        b.Add(At(500).State(1, WorkerState.Starting, WorkerState.Ended, "exited"));
        b.Add(At(60_000).Spawned(2, WorkerSpec.Square("4"), 101));

        RunSummary s = b.Build(cores: 2, now: EventBuilder.T0.AddMilliseconds(61_000))!;

        Assert.False(b.RunEnded);
        Assert.Equal(TimeSpan.FromSeconds(1), s.Makespan);
        Assert.Equal(B, Assert.Single(s.Workers).Worker);
        Assert.Equal(TimeSpan.FromSeconds(1), s.Workers[0].Running); // still running: counted up to now
    }

    [Fact]
    public void NothingSpawned_NoSummary() => Assert.Null(new RunSummaryBuilder().Build(2));

    /// <summary>The builder, its clock set <paramref name="ms"/> after T0.</summary>
    private EventBuilder At(int ms)
    {
        _e.Now = EventBuilder.T0.AddMilliseconds(ms);
        return _e;
    }

    private static (double Running, double Waiting, double Queued) Seconds(WorkerTimes w) =>
        (w.Running.TotalSeconds, w.Waiting.TotalSeconds, w.Queued.TotalSeconds);
}

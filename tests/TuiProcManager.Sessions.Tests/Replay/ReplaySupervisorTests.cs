using System.Reactive.Concurrency;
using Microsoft.Extensions.Time.Testing;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Streaming;
using TuiProcManager.Core.Workers;
using TuiProcManager.Sessions.Recording;
using TuiProcManager.Sessions.Replay;
using TuiProcManager.Sessions.Server;
using TuiProcManager.Sessions.Tests.Recording;

namespace TuiProcManager.Sessions.Tests.Replay;

/// <summary>
/// Model-based: whatever the player is asked (play on, seek either way, pause, play fast enough that more
/// comes due at once than a screen takes), the picture its batches build is the recorded moment at the
/// clock's time: the history of every event up to it.
/// </summary>
public sealed class ReplaySupervisorTests
{
    private static readonly ScreenPacing Pacing = new(TimeSpan.FromMilliseconds(5), MaxWaiting: 100);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task TheScreensPicture_IsAlwaysTheRecordedMomentAtTheClock(int seed)
    {
        using RecordingRig rig = new(new RecorderSettings { KeyframeEvents = 200, SegmentBytes = 64 * 1024 }, RecordingSeekTests.Small);
        List<SupervisorEvent> events = RandomSession.Events(seed, count: 3_000);
        Random random = new(seed);
        rig.SendInBatches(events, random);
        await rig.EndAsync();
        RecordingReader reader = rig.Open();

        FakeTimeProvider real = new();
        ReplayClock clock = new(reader.StartTime, reader.EndTime, real: real);
        Screen screen = new();
        using (new ReplaySupervisor(reader, clock).ScreenBatches(Pacing, ImmediateScheduler.Instance).Subscribe(screen.Take))
        {
            await screen.Shows(events, clock);
            for (int step = 0; step < 25; step++)
            {
                switch (random.Next(5))
                {
                    case 0:
                        clock.SeekTo(reader.StartTime + (reader.EndTime - reader.StartTime) * random.NextDouble());
                        break;
                    case 1:
                        clock.TogglePause();
                        break;
                    case 2:
                        real.Advance(TimeSpan.FromSeconds(10)); // hundreds of events due at once: the moment instead
                        break;
                    default:
                        real.Advance(TimeSpan.FromMilliseconds(random.Next(1, 400)));
                        break;
                }

                await screen.Shows(events, clock);
            }
        }

        Assert.True(screen.Restarts > 1, "seeks and skips start the picture again");
        Assert.All(screen.PlayedOn, b => Assert.True(b <= Pacing.MaxWaiting, $"a batch of {b} events played on, more than a screen takes"));
    }

    [Fact]
    public async Task Disposed_ItDeliversNothingMore()
    {
        using RecordingRig rig = new();
        RecordingReader reader = await RecordedAsync(rig, seed: 7);
        FakeTimeProvider real = new();
        ReplayClock clock = new(reader.StartTime, reader.EndTime, real: real);
        int batches = 0;
        IDisposable subscription = new ReplaySupervisor(reader, clock).ScreenBatches(Pacing, ImmediateScheduler.Instance).Subscribe(_ => Interlocked.Increment(ref batches));
        for (int i = 0; i < 100 && Volatile.Read(ref batches) == 0; i++)
        {
            await Task.Delay(20);
        }

        subscription.Dispose();
        int before = Volatile.Read(ref batches);
        real.Advance(TimeSpan.FromMinutes(1));
        clock.SeekTo(reader.StartTime);
        await Task.Delay(300);
        Assert.Equal(before, Volatile.Read(ref batches));
    }

    /// <summary>
    /// Nothing of a moment outlives the one that replaced it on screen (whose collection the player then makes:
    /// its effect on memory is the recording benchmark's to measure).
    /// </summary>
    [Fact]
    public async Task ASeek_KeepsNothingOfTheMomentBefore()
    {
        using RecordingRig rig = new();
        RecordingReader reader = await RecordedAsync(rig, seed: 11);
        ReplayClock clock = new(reader.StartTime, reader.EndTime, real: new FakeTimeProvider());
        WeakReference<IList<SupervisorEvent>>? first = null;
        int moments = 0;
        using IDisposable subscription = new ReplaySupervisor(reader, clock).ScreenBatches(Pacing, ImmediateScheduler.Instance).Subscribe(batch =>
        {
            if (batch.Count > 0 && batch[0] is SupervisorSnapshot)
            {
                first ??= new(batch);
                Interlocked.Increment(ref moments);
            }
        });
        await Until(() => Volatile.Read(ref moments) == 1);
        clock.SeekTo(reader.EndTime);
        await Until(() => Volatile.Read(ref moments) == 2);

        await Until(() =>
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            return !first!.TryGetTarget(out _);
        });
    }

    /// <summary>A random session of 500 events, recorded by <paramref name="rig"/> to its end, and opened.</summary>
    private static async Task<RecordingReader> RecordedAsync(RecordingRig rig, int seed)
    {
        rig.SendInBatches(RandomSession.Events(seed, count: 500), new Random(seed));
        await rig.EndAsync();
        return rig.Open();
    }

    private static async Task Until(Func<bool> condition)
    {
        for (int i = 0; i < 250 && !condition(); i++)
        {
            await Task.Delay(20);
        }

        Assert.True(condition(), "not within 5 s");
    }

    [Fact]
    public async Task EveryCommand_IsRefused_InOneLine()
    {
        using RecordingRig rig = new();
        rig.Send(new SupervisorSnapshot(0, EventBuilder.T0, []));
        await rig.EndAsync();
        RecordingReader reader = rig.Open();
        ReplaySupervisor replay = new(reader, new ReplayClock(reader.StartTime, reader.EndTime));
        Task[] commands =
        [
            replay.SpawnAsync(WorkerSpec.Square("3")),
            replay.PauseOrResumeAsync(new WorkerId(1)),
            replay.TerminateAsync(new WorkerId(1)),
            replay.KillAsync(new WorkerId(1)),
            replay.JoinAsync(new WorkerId(1)),
            replay.TerminateAllAsync(),
            replay.KillAllAsync(),
            replay.JoinAllAsync(),
        ];
        foreach (Task command in commands)
        {
            InvalidOperationException refused = await Assert.ThrowsAsync<InvalidOperationException>(() => command);
            Assert.Equal(ReplaySupervisor.Refusal, refused.Message);
        }
    }

    /// <summary>What a screen fed the batches holds: the events since the last snapshot, folded as a session's history folds them.</summary>
    private sealed class Screen
    {
        private readonly Lock _lock = new();
        private readonly List<SupervisorEvent> _sinceSnapshot = [];

        public int Restarts { get; private set; }

        public List<int> PlayedOn { get; } = [];

        public void Take(IList<SupervisorEvent> batch)
        {
            lock (_lock)
            {
                if (batch.Count > 0 && batch[0] is SupervisorSnapshot)
                {
                    _sinceSnapshot.Clear();
                    Restarts++;
                }
                else
                {
                    PlayedOn.Add(batch.Count);
                }

                _sinceSnapshot.AddRange(batch);
            }
        }

        /// <summary>Waits (bounded) until the picture is the moment the clock shows.</summary>
        public async Task Shows(List<SupervisorEvent> events, ReplayClock clock)
        {
            List<TuiProcManager.Protocol.V1.Event> expected = RandomSession.Wire(RandomSession.HistoryAt(events, clock.Now, RecordingSeekTests.Small));
            List<TuiProcManager.Protocol.V1.Event> shown = [];
            for (int i = 0; i < 200; i++)
            {
                shown = RandomSession.Wire(Picture());
                if (shown.SequenceEqual(expected))
                {
                    return;
                }

                await Task.Delay(10);
            }

            Assert.Equal(expected, shown);
        }

        private IReadOnlyList<SupervisorEvent> Picture()
        {
            lock (_lock)
            {
                SessionHistory model = new(RecordingSeekTests.Small);
                foreach (SupervisorEvent e in _sinceSnapshot)
                {
                    model.OnEvent(e);
                }

                return _sinceSnapshot.Count == 0 ? [] : model.Until(_sinceSnapshot[^1].Sequence, TimeSpan.Zero) ?? [];
            }
        }
    }
}

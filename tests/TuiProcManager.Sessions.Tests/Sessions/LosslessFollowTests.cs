using System.Reactive.Concurrency;
using TuiProcManager.Core.Events;
using TuiProcManager.Sessions.Client;

namespace TuiProcManager.Sessions.Tests.Sessions;

/// <summary>A follower that must lose nothing (RemoteSupervisor.LosslessEvents: Watch LOSSLESS over the socket).</summary>
public sealed class LosslessFollowTests
{
    private const int Lines = 20_000;

    [Fact]
    public async Task LosslessEvents_TwentyThousandLinesQuickly_AllArriveOnceInOrder()
    {
        EventRecorder follower = new();

        await FollowAsync(follower);

        AssertComplete(follower);
    }

    [Fact]
    public async Task LosslessEvents_SlowReaderAtFirst_StillGetsEveryLine()
    {
        // A reader that takes its time over the first events: the server's queue for it, then the socket's
        // flow control fill up while the lines keep coming.
        EventRecorder follower = new(beforeEach: n =>
        {
            if (n < 500)
            {
                Thread.Sleep(2);
            }
        });

        await FollowAsync(follower);

        AssertComplete(follower);
    }

    private static async Task FollowAsync(EventRecorder follower)
    {
        await using LiveSession session = await LiveSession.StartAsync();
        (_, int pid) = await session.SpawnAsync();
        RemoteSupervisor remote = (await session.ConnectAsync()).Supervisor;

        using IDisposable subscription = remote.LosslessEvents("test follower", ImmediateScheduler.Instance).Subscribe(follower);
        await Poll.UntilAsync(() => follower.Events.Count > 0, "the follower's snapshot"); // the server has subscribed
        OutputProducer.Emit(session.Os, pid, 1, Lines, perRead: 100);
        await Poll.UntilAsync(() => follower.Lines.Count >= Lines, $"line {Lines} at the follower");
    }

    private static void AssertComplete(EventRecorder follower)
    {
        IReadOnlyList<SupervisorEvent> events = follower.Events;
        SupervisorSnapshot snapshot = Assert.IsType<SupervisorSnapshot>(events[0]);
        Assert.Single(snapshot.Workers);
        Assert.Empty(events.OfType<EventsDropped>());
        Assert.Equal(OutputProducer.Texts(Lines), follower.Lines.Select(l => l.Text));
        ScreenHistoryTests.AssertStrictlyIncreasing(events.Select(e => e.Sequence));
        Assert.False(follower.Ended.IsCompleted);
    }
}

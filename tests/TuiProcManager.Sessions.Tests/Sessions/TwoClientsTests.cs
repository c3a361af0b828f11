using System.Reactive.Concurrency;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Workers;
using TuiProcManager.Sessions.Client;

namespace TuiProcManager.Sessions.Tests.Sessions;

/// <summary>Two clients of one session: what one of them does, both see, in the supervisor's one order.</summary>
public sealed class TwoClientsTests
{
    [Fact]
    public async Task LosslessEvents_CommandsOfOneClient_BothSeeTheSameEventsWithTheSameSequences()
    {
        await using LiveSession session = await LiveSession.StartAsync();
        RemoteSupervisor acting = (await session.ConnectAsync("acting")).Supervisor;
        RemoteSupervisor watching = (await session.ConnectAsync("watching")).Supervisor;
        EventRecorder mine = new();
        EventRecorder theirs = new();
        using IDisposable first = acting.LosslessEvents("acting", ImmediateScheduler.Instance).Subscribe(mine);
        using IDisposable second = watching.LosslessEvents("watching", ImmediateScheduler.Instance).Subscribe(theirs);
        await Poll.UntilAsync(() => mine.Events.Count > 0 && theirs.Events.Count > 0, "both snapshots");

        WorkerId one = await acting.SpawnAsync(WorkerSpec.Square("5"));
        WorkerId two = await acting.SpawnAsync(WorkerSpec.Cube("6"));
        await acting.PauseOrResumeAsync(one);
        await acting.PauseOrResumeAsync(one);
        OutputProducer.Emit(session.Os, 101, 1, 20);
        Assert.True(await acting.KillAsync(two));
        session.Os.Exit(101, WorkerExit.Signaled(9, "SIGKILL"));
        Task<WorkerExit> terminating = acting.TerminateAsync(one, TimeSpan.FromMinutes(5));
        await session.ExitWhenSignalledAsync(100, ProcessSignal.Terminate, WorkerExit.Signaled(15, "SIGTERM"));
        await Poll.Bounded(terminating);
        await Poll.UntilAsync(() => Ends(mine) == 2 && Ends(theirs) == 2, "both ends at both clients");

        // Samples of the machine come on the clock's own time, the same to both: compared like the rest.
        Assert.Equal(Seen(mine), Seen(theirs));
        Assert.Equal(2, Seen(mine).Count(e => e.Kind == nameof(WorkerSpawned)));
        Assert.Equal(20, Seen(mine).Count(e => e.Kind == nameof(OutputLine)));
        Assert.Equal(
            [ProcessSignal.Stop, ProcessSignal.Continue, ProcessSignal.Kill, ProcessSignal.Terminate, ProcessSignal.Continue],
            mine.Events.OfType<SignalSent>().Select(s => s.Signal));
    }

    private static int Ends(EventRecorder client) => client.Events.OfType<WorkerEnded>().Count();

    /// <summary>What a client saw after both had subscribed, up to the last end: each event's sequence, kind and worker.</summary>
    private static List<(long Sequence, string Kind, int? Worker)> Seen(EventRecorder client)
    {
        IReadOnlyList<SupervisorEvent> events = client.Events;
        long lastEnd = events.OfType<WorkerEnded>().Max(e => e.Sequence);
        return [.. events
            .Where(e => e is not SupervisorSnapshot && e.Sequence <= lastEnd)
            .SkipWhile(e => e is not WorkerSpawned)
            .Select(e => (e.Sequence, e.GetType().Name, (e as WorkerEvent)?.Worker.Value))];
    }
}

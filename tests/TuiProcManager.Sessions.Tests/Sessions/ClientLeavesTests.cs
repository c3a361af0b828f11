using System.Reactive.Concurrency;
using TuiProcManager.Core.Streaming;
using TuiProcManager.Protocol.V1;
using TuiProcManager.Sessions.Client;

namespace TuiProcManager.Sessions.Tests.Sessions;

/// <summary>A screen that leaves while output flows: the session goes on serving the others.</summary>
public sealed class ClientLeavesTests
{
    /// <summary>
    /// Pins a crash of the server: each Watch delivered on a thread of its own that it disposed when the call
    /// ended, while the supervisor still had a screen window timed on its delivery threads; when that timer
    /// fired it scheduled on the disposed thread, and the ObjectDisposedException on a pool thread ended the
    /// process (here: the test host).
    /// </summary>
    [Fact]
    public async Task ScreenBatches_LeavesMidFlood_ServerGoesOnAndTheNextScreenIsServed()
    {
        await using LiveSession session = await LiveSession.StartAsync();
        (_, int pid) = await session.SpawnAsync();
        SessionConnection leaving = await session.ConnectAsync("leaving");
        EventRecorder first = new();
        IDisposable subscription = leaving.Supervisor.ScreenBatches(ScreenPacing.Default, ImmediateScheduler.Instance).Subscribe(first);
        await Poll.UntilAsync(() => first.Batches.Count > 0, "the first screen's first batch");

        // Lines keep coming, so a window is open (timed on the supervisor's delivery threads) when it leaves.
        await OutputProducer.EmitYieldingAsync(session.Os, pid, 1, 500);
        subscription.Dispose();
        await OutputProducer.EmitYieldingAsync(session.Os, pid, 501, 1_000);
        await Poll.UntilAsync(() => session.Linger.Clients == 0, "the first screen's leaving");

        // A window of the second screen opens and closes after any the first left behind.
        SessionConnection staying = await session.ConnectAsync("staying");
        EventRecorder second = new();
        using IDisposable next = staying.Supervisor.ScreenBatches(ScreenPacing.Default, ImmediateScheduler.Instance).Subscribe(second);
        OutputProducer.Emit(session.Os, pid, 1_001, 1_010);
        await Poll.UntilAsync(() => second.Lines.Count > 0 && second.Lines[^1].Text == "1010", "line 1010 on the second screen");

        SessionStatus status = await staying.StatusAsync();
        Assert.Equal(1, status.Clients);
    }
}

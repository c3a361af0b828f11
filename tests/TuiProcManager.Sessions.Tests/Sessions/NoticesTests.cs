using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using TuiProcManager.Sessions.Client;
using TuiProcManager.Sessions.Tests.Transport;
using TuiProcManager.Sessions.Transport;

namespace TuiProcManager.Sessions.Tests.Sessions;

/// <summary>
/// WatchNotices over a real socket: what the server said while nobody listened, then what it says, to
/// every client; nothing from a server too old to say any. And End's reply waits for the session's events
/// file and says whether it is whole.
/// </summary>
public sealed class NoticesTests
{
    [Fact]
    public async Task Notices_SaidBeforeAndAfterTheClientAttached_BothComeInOrder_ToEveryClient()
    {
        await using LiveSession session = await LiveSession.StartAsync();
        session.Notices.Say("cannot write the events file /dev/full: No space left on device");
        SessionConnection first = await session.ConnectAsync();
        SessionConnection second = await session.ConnectAsync();
        List<string> toFirst = [];
        List<string> toSecond = [];
        using IDisposable a = first.Notices.Select(n => n.Text).Subscribe(n => { lock (toFirst) { toFirst.Add(n); } });
        using IDisposable b = second.Notices.Select(n => n.Text).Subscribe(n => { lock (toSecond) { toSecond.Add(n); } });
        await Poll.UntilAsync(() => Count(toFirst) == 1 && Count(toSecond) == 1, "the notice said before the clients came");

        session.Notices.Say("the lab's progress cannot be saved");

        await Poll.UntilAsync(() => Count(toFirst) == 2 && Count(toSecond) == 2, "the notice said after");
        string[] expected = ["cannot write the events file /dev/full: No space left on device", "the lab's progress cannot be saved"];
        Assert.Equal(expected, Copy(toFirst));
        Assert.Equal(expected, Copy(toSecond));
    }

    [Fact]
    public async Task Notices_WhoWatches_CarriesTheWatchersThen_AProblemNone()
    {
        await using LiveSession session = await LiveSession.StartAsync();
        SessionConnection connection = await session.ConnectAsync();
        Task<IList<TuiProcManager.Protocol.V1.Notice>> all = connection.Notices.Take(3).ToList().ToTask();

        session.Notices.SayWatchers("bob is watching (read-only)", [new TuiProcManager.Sessions.Transport.WatcherEntry(4242, TuiProcManager.Sessions.Transport.PeerRole.ReadOnly, 1)]);
        session.Notices.Say("the lab's progress cannot be saved");
        session.Notices.SayWatchers("bob stopped watching", []);

        IList<TuiProcManager.Protocol.V1.Notice> said = await Poll.Bounded(all);
        Assert.Equal(
            [("bob is watching (read-only)", true, "4242 ReadOnly 1"), ("the lab's progress cannot be saved", false, ""), ("bob stopped watching", true, "")],
            said.Select(n => (n.Text, n.WatchersChanged, string.Join(",", n.Watchers.Select(w => $"{w.Uid} {w.Role} {w.Connections}")))));
    }

    [Fact]
    public async Task Notices_TheSessionEnds_TheStreamCompletes()
    {
        await using LiveSession session = await LiveSession.StartAsync();
        SessionConnection connection = await session.ConnectAsync();
        Task<IList<string>> all = connection.Notices.Select(n => n.Text).ToList().ToTask();
        session.Notices.Say("one");

        session.Notices.Complete();

        Assert.Equal(["one"], await Poll.Bounded(all));
    }

    [Fact]
    public async Task Notices_AServerOfAnEarlierRevision_WithoutTheCall_CompletesEmpty_NoError()
    {
        using TempSocketDirectory directory = new();
        string socket = directory.PathOf("old.sock");
        await using SessionSocketServer server = await SessionSocketServer.StartAsync(socket, new TestSessionService(), Bounded.Token());
        await using SessionConnection connection = await SessionConnection.OpenAsync(SessionChannel.ForSocket(socket), "test", Bounded.Token());

        IList<string> said = await Poll.Bounded(connection.Notices.Select(n => n.Text).ToList().ToTask());

        Assert.Empty(said);
    }

    [Fact]
    public async Task End_WaitsForTheEventsFileToClose_AndItsReplySaysWhyItIsNotWhole()
    {
        TaskCompletionSource<string?> closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        await using LiveSession session = await LiveSession.StartAsync(finish: () => closed.Task);
        SessionConnection connection = await session.ConnectAsync();

        Task<TuiProcManager.Protocol.V1.EndReply> ending = connection.EndAsync();
        await Task.Delay(200);
        Assert.False(ending.IsCompleted, "End replied before the events file was closed");
        closed.SetResult("the events file f.jsonl is not being read: the events it did not take are lost");

        TuiProcManager.Protocol.V1.EndReply reply = await Poll.Bounded(ending);
        Assert.Equal("the events file f.jsonl is not being read: the events it did not take are lost", reply.RecordProblem);
        await Poll.UntilAsync(() => session.EndCalls == 1, "the session ended");
    }

    [Fact]
    public async Task End_AWholeEventsFile_ReplyHasNoProblem()
    {
        await using LiveSession session = await LiveSession.StartAsync(finish: () => Task.FromResult<string?>(null));
        SessionConnection connection = await session.ConnectAsync();

        Assert.Equal("", (await Poll.Bounded(connection.EndAsync())).RecordProblem);
    }

    private static int Count(List<string> list)
    {
        lock (list)
        {
            return list.Count;
        }
    }

    private static string[] Copy(List<string> list)
    {
        lock (list)
        {
            return [.. list];
        }
    }
}

using System.Text;
using Grpc.Core;
using TuiProcManager.Labs.Format;
using TuiProcManager.Labs.Sessions;
using TuiProcManager.Linux.Files;
using TuiProcManager.Protocol.V1;
using TuiProcManager.Sessions.Client;
using TuiProcManager.Sessions.Server;

namespace TuiProcManager.Sessions.Tests.Sessions;

/// <summary>
/// A session's lab through the socket: decided by the server from every event (those before any client
/// too), pushed to every client, hints and answers taken from any of them.
/// </summary>
public sealed class SessionLabTests : IDisposable
{
    private readonly string _state = Directory.CreateTempSubdirectory("tuiproc-sessionlab-").FullName;

    private static Lab TwoSteps { get; } = LabReader.Parse(Encoding.UTF8.GetBytes("""
        { "format": "tuiproc-lab/1", "id": "t", "name": "test", "title": "Two steps", "summary": "s", "steps": [
          { "id": "start", "title": "Start a square worker", "text": "Press s.", "hints": ["The s key."], "check": { "spawned": { "kind": "square" } } },
          { "id": "ask", "title": "What is 2 + 2?", "text": "Think.", "question": { "choices": ["3", "4"], "answer": "4" } }
        ] }
        """), "t.json");

    private ProgressStore Store => new(RegularFileReader.Instance, _state);

    private SessionLab NewLab() => new(new LabKeeper(TwoSteps, Store, "t", null, TimeProvider.System, cores: 2), "t");

    [Fact]
    public async Task OpenLab_AfterAStepWasDoneWithNobodyAttached_StartsWithItDone()
    {
        SessionLab lab = NewLab();
        await using LiveSession session = await LiveSession.StartAsync(lab: lab);
        await session.SpawnAsync("10"); // no client yet
        await Poll.UntilAsync(() => Store.Load("t", out _)?.Steps["start"].DoneAt is not null, "the server to save the step");

        SessionConnection connection = await session.ConnectAsync();
        RemoteLab remote = (await connection.OpenLabAsync())!;

        Assert.Equal(("t", "t"), (connection.Hello.Lab.Id, connection.Hello.Lab.Source));
        Assert.Equal("t", connection.Hello.Session.Lab);
        Assert.NotNull(remote.Current.Steps["start"].DoneAt);
    }

    [Fact]
    public async Task Progress_AStepDoneWhileWatching_IsPushedToEveryClient()
    {
        await using LiveSession session = await LiveSession.StartAsync(lab: NewLab());
        RemoteLab first = (await (await session.ConnectAsync("one")).OpenLabAsync())!;
        RemoteLab second = (await (await session.ConnectAsync("two")).OpenLabAsync())!;
        List<LabProgress> seen = [];
        using IDisposable watching = second.Progress.Subscribe(p => { lock (seen) { seen.Add(p); } });

        await session.SpawnAsync("10");

        await Poll.UntilAsync(() => first.Current.Steps["start"].DoneAt is not null, "the first client to be told");
        await Poll.UntilAsync(() => { lock (seen) { return seen.Any(p => p.Steps["start"].DoneAt is not null); } }, "the second client to be told");
    }

    [Fact]
    public async Task HintAndAnswer_FromAClient_AreDecidedAndSavedByTheServer()
    {
        await using LiveSession session = await LiveSession.StartAsync(lab: NewLab());
        RemoteLab remote = (await (await session.ConnectAsync()).OpenLabAsync())!;

        LabChange hint = await Task.Run(() => remote.Hint("start"));
        await session.SpawnAsync("10");
        await Poll.UntilAsync(() => remote.Current.Steps["start"].DoneAt is not null, "the step done");
        LabChange wrong = await Task.Run(() => remote.Answer("ask", "3"));
        LabChange stale = await Task.Run(() => remote.Hint("start"));
        LabChange right = await Task.Run(() => remote.Answer("ask", "two and two: 4"));

        Assert.Null(hint.Problem);
        Assert.Equal(1, hint.Progress.Steps["start"].HintsShown);
        Assert.Equal(AnswerOutcome.Wrong, wrong.Answer!.Outcome);
        Assert.Contains("step 2 is the current step", stale.Problem, StringComparison.Ordinal);
        Assert.Equal(AnswerOutcome.NotAChoice, right.Answer!.Outcome); // judged by the server's rules, not counted
        LabProgress saved = Store.Load("t", out _)!;
        Assert.Equal((1, 1), (saved.Steps["start"].HintsShown, saved.Steps["ask"].WrongAnswers));
    }

    [Fact]
    public async Task WatchLab_InASessionWithoutALab_IsRefusedInOneLine_AndOpenLabIsNull()
    {
        await using LiveSession session = await LiveSession.StartAsync();
        SessionConnection connection = await session.ConnectAsync();

        using AsyncServerStreamingCall<LabUpdate> call = connection.Calls.WatchLab(new WatchLabRequest());
        RpcException refused = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Null(connection.Hello.Lab);
        Assert.Null(await connection.OpenLabAsync());
        Assert.Equal((StatusCode.FailedPrecondition, "session live has no lab"), (refused.StatusCode, refused.Status.Detail));
    }

    public void Dispose() => Directory.Delete(_state, recursive: true);
}

using System.Text.RegularExpressions;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using TuiProcManager.Protocol;
using TuiProcManager.Protocol.V1;
using TuiProcManager.Sessions.Transport;
using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.EndToEnd;

/// <summary>
/// A client and a session server of two versions, between real processes: the real tuiproc against a server
/// of another build (hosted by the test), and a real session server against a gRPC client of another
/// build (the test). Two major versions refuse each other in one line that names both and says what to do,
/// and nothing else happens; a newer revision of the same major is served as any other.
/// </summary>
public sealed class SessionVersionTests
{
    private const uint OtherMajor = ProtocolVersion.Major + 1;

    private static readonly PeerVersion OtherBuild = new(OtherMajor, 0, "tuiproc 2.0.0");

    [Theory]
    [InlineData(true)]  // a build of another major that still answers v1's Hello, with its own major in it
    [InlineData(false)] // one that does not: UNIMPLEMENTED, its version in the answer's header alone
    public async Task Ctl_Events_Attach_ServerOfAnotherMajor_OneLineNamingBothVersions_Exit3_NothingAsked(bool knowsThisHello)
    {
        await using OtherBuildSession session = await OtherBuildSession.StartAsync("v", OtherBuild, knowsThisHello);
        string line = $"tuiproc: this tuiproc speaks session protocol {ProtocolVersion.Major} ({ProtocolVersion.Program}), the session's server speaks {OtherMajor} (tuiproc 2.0.0): use the tuiproc that started the session";

        foreach (string[] command in (string[][])[["ctl", "v", "ps"], ["events", "v"], ["events", "v", "--follow"]])
        {
            (int code, string stdout, string stderr) = await Tuiproc.RunAsync(session.Environment, command);
            Assert.True((3, "", line + "\n") == (code, stdout, stderr), $"tuiproc {string.Join(' ', command)}: exit {code}, stdout '{stdout}', stderr '{stderr}'");
        }

        (int attached, string shown) = await InTerminal.RunAsync([], session.Environment, [.. Tuiproc.Command, "attach", "v"]);
        Assert.True((3, line + "\n") == (attached, shown), $"tuiproc attach: exit {attached}, terminal '{shown}'");
        Assert.Equal(0, session.Service.CallsAfterHello);
    }

    [Fact]
    public async Task Ctl_Events_Attach_ServerOfANewerRevision_Served_WhatTheRevisionAddedPassedOver()
    {
        // Same major, a later revision: a field in Hello's reply and an event kind this build does not have.
        await using OtherBuildSession session = await OtherBuildSession.StartAsync("v", new PeerVersion(ProtocolVersion.Major, ProtocolVersion.Revision + 3, "tuiproc 1.99.0"), knowsThisHello: true);
        string pid = session.WorkerPid.ToString(System.Globalization.CultureInfo.InvariantCulture);

        (int code, string ps, string said) = await Tuiproc.RunAsync(session.Environment, "ctl", "v", "ps");
        Assert.True(code == 0, said);
        Assert.Matches($@"\n1 +{pid} +waiting +- +sleep 600", ps);

        (code, string events, said) = await Tuiproc.RunAsync(session.Environment, "events", "v");
        Assert.True(code == 0, said);
        Assert.StartsWith("{\"type\":\"snapshot\"", events, StringComparison.Ordinal);
        Assert.Contains($"\"pid\":{pid}", events, StringComparison.Ordinal);
        Assert.Single(events.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        using TmuxApp app = TmuxApp.Start(["attach", "v"], width: 120, height: 35, env: session.Environment);
        Assert.Equal(session.WorkerPid, app.PidOf("sleep 600"));
        app.Keys("d");
        Assert.Equal(0, app.WaitForExit());
        await Tuiproc.UntilAsync(() => app.Transcript().Contains("detached from session v (1 worker alive)", StringComparison.Ordinal), "the line of the detach");
    }

    [Fact]
    public async Task SessionServer_ClientOfAnotherMajor_EveryCallRefusedInOneLineNamingBoth_TheSessionUnharmed()
    {
        using TmuxApp app = TmuxApp.Start(["--session", "ver", "--cmd", "sleep 600", "--cmd", "sleep 601"], width: 120, height: 35);
        int[] workers = [app.PidOf("sleep 600"), app.PidOf("sleep 601")];
        app.Keys("d");
        Assert.Equal(0, app.WaitForExit());
        string before = await WorkersAsync(app);
        using GrpcChannel channel = SessionChannel.ForSocket(Path.Combine(app.RuntimeDir, "tuiproc", "ver.sock"));
        Session.SessionClient calls = new(channel);
        Metadata saidInHeader = new() { { CallHeaders.Protocol, OtherBuild.Header } };
        string Line(string client) => $"this tuiproc speaks session protocol {OtherMajor} ({client}), the session's server speaks {ProtocolVersion.Major} ({ProtocolVersion.Program}): use the tuiproc that started the session";

        // Said in Hello only, as a client with stubs of its own may.
        AssertRefused(StatusCode.FailedPrecondition, Line("tuiproc 2.0.0 ctl"), await RefusalAsync(() =>
            calls.HelloAsync(new HelloRequest { Major = OtherMajor, Client = "tuiproc 2.0.0 ctl" }, cancellationToken: Bounded()).ResponseAsync));

        // Said in the header of calls of this package: each refused before the session sees it.
        foreach (Func<Task> call in (Func<Task>[])[
            () => calls.HelloAsync(new HelloRequest { Major = ProtocolVersion.Major }, saidInHeader, cancellationToken: Bounded()).ResponseAsync,
            () => calls.StatusAsync(new StatusRequest(), saidInHeader, cancellationToken: Bounded()).ResponseAsync,
            () => calls.KillAsync(new KillRequest { Worker = 1 }, saidInHeader, cancellationToken: Bounded()).ResponseAsync,
            () => calls.TerminateAllAsync(new TerminateAllRequest(), saidInHeader, cancellationToken: Bounded()).ResponseAsync,
            () => calls.SpawnAsync(new SpawnRequest(), saidInHeader, cancellationToken: Bounded()).ResponseAsync,
            () => calls.EndAsync(new EndRequest(), saidInHeader, cancellationToken: Bounded()).ResponseAsync,
            () => FirstBatchAsync(calls.Watch(new WatchRequest { Follow = true }, saidInHeader, cancellationToken: Bounded())),
        ])
        {
            AssertRefused(StatusCode.FailedPrecondition, Line("tuiproc 2.0.0"), await RefusalAsync(call));
        }

        // Calls of the other major's package, as its own stubs make them: unknown here, and said so.
        CallInvoker invoker = channel.CreateCallInvoker();
        AssertRefused(StatusCode.Unimplemented, Line("tuiproc 2.0.0"), await RefusalAsync(() =>
            invoker.AsyncUnaryCall(OfOtherPackage<HelloRequest, HelloReply>("Hello"), null, new CallOptions(saidInHeader, cancellationToken: Bounded()), new HelloRequest { Major = OtherMajor }).ResponseAsync));
        RpcException kill = await RefusalAsync(() =>
            invoker.AsyncUnaryCall(OfOtherPackage<KillRequest, KillReply>("Kill"), null, new CallOptions(cancellationToken: Bounded()), new KillRequest { Worker = 1 }).ResponseAsync);
        AssertRefused(StatusCode.Unimplemented, $"this tuiproc speaks session protocol {OtherMajor}, the session's server speaks {ProtocolVersion.Major} ({ProtocolVersion.Program}): use the tuiproc that started the session", kill);
        Assert.Equal(ProtocolVersion.This, PeerVersion.Parse(kill.Trailers.GetValue(CallHeaders.Protocol)));

        Assert.Equal(before, await WorkersAsync(app));
        Assert.All(workers, pid => Assert.True(Tuiproc.IsAlive(pid), $"worker {pid} is gone"));
        (_, string listed, _) = await Tuiproc.RunAsync(app.SessionEnvironment, "ls");
        Assert.Matches(@"\nver +2 alive of 2 +0 ", listed); // no client left attached by the refused Watch
        Assert.Equal(0, (await Tuiproc.RunAsync(app.SessionEnvironment, "ctl", "ver", "end")).Code);
    }

    private static void AssertRefused(StatusCode status, string line, RpcException refused) =>
        Assert.Equal((status, line), (refused.StatusCode, refused.Status.Detail));

    private static async Task<RpcException> RefusalAsync(Func<Task> call) => await Assert.ThrowsAsync<RpcException>(call);

    private static async Task FirstBatchAsync(AsyncServerStreamingCall<EventBatch> watch)
    {
        using (watch)
        {
            _ = await watch.ResponseStream.MoveNext(Bounded());
        }
    }

    private static Method<TRequest, TReply> OfOtherPackage<TRequest, TReply>(string name)
        where TRequest : class, IMessage<TRequest>, new()
        where TReply : class, IMessage<TReply>, new() =>
        new(MethodType.Unary, $"tuiproc.session.v{OtherMajor}.Session", name,
            Marshallers.Create(r => r.ToByteArray(), new MessageParser<TRequest>(() => new TRequest()).ParseFrom),
            Marshallers.Create(r => r.ToByteArray(), new MessageParser<TReply>(() => new TReply()).ParseFrom));

    /// <summary>The session's workers as the real client's ctl ps --json says them.</summary>
    private static async Task<string> WorkersAsync(TmuxApp app)
    {
        (int code, string workers, string said) = await Tuiproc.RunAsync(app.SessionEnvironment, "ctl", "ver", "ps", "--json");
        Assert.True(code == 0, "ctl ps: " + said);
        Assert.Equal(2, Regex.Count(workers, "\"state\":\"waiting\""));
        return workers;
    }

    private static CancellationToken Bounded() => new CancellationTokenSource(Tuiproc.Bound).Token;
}

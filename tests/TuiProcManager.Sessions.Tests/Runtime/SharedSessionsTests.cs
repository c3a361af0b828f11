using TuiProcManager.Linux.Files;
using TuiProcManager.Sessions.Runtime;
using TuiProcManager.Sessions.Tests.Transport;
using TuiProcManager.Sessions.Transport;
using TuiProcManager.Testing;

namespace TuiProcManager.Sessions.Tests.Runtime;

/// <summary>
/// Where shared sessions' sockets are, and who the access lists let in (decision 0007), on real directories
/// of this machine: private at a server's start, exactly the grants after a change (the session's directory
/// and socket), the user's directory listable by everyone ever granted, and the roles the server decides.
/// </summary>
public sealed class SharedSessionsTests : IDisposable
{
    private readonly TempSocketDirectory _root = new();
    private readonly SharedSessions _shared;

    public SharedSessionsTests() => _shared = SharedSessions.Of(OwnUser.Uid, v => v == "TUIPROC_SHARED_DIR" ? _root.Root : null);

    [Fact]
    public void PrepareForServer_DirectoriesPrivate_ALeftoverListCleared()
    {
        Assert.Null(_shared.PrepareForServer("s"));
        Assert.Null(AccessList.Set(_shared.DirectoryOf("s"), 7, [new AccessEntry(false, 4242, 1)])); // as a server that died shared left it

        Assert.Null(_shared.PrepareForServer("s"));

        Assert.Equal(Path.Combine(_root.Root, $"tuiproc-shared-{OwnUser.Uid}", "s", "session.sock"), _shared.SocketOf("s"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_shared.UserDirectory));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_shared.DirectoryOf("s")));
        Assert.Equal([], AccessList.Read(_shared.DirectoryOf("s")));
    }

    [Fact]
    public void Allow_TheSessionsDirectoryAndSocketExactlyTheGrants_TheUsersDirectoryKeepsEveryone()
    {
        Assert.Null(_shared.PrepareForServer("s"));
        File.WriteAllBytes(_shared.SocketOf("s"), []);
        File.SetUnixFileMode(_shared.SocketOf("s"), UnixFileMode.UserRead | UnixFileMode.UserWrite);

        Assert.Null(_shared.Allow("s", [new SessionGrant(false, 4242, false), new SessionGrant(true, 4300, true)]));
        Assert.Null(_shared.Allow("s", [new SessionGrant(false, 4243, false)]));

        Assert.Equal([new AccessEntry(false, 4243, 1)], AccessList.Read(_shared.DirectoryOf("s")));
        Assert.Equal([new AccessEntry(false, 4243, 6)], AccessList.Read(_shared.SocketOf("s")));
        Assert.Equal(
            [new AccessEntry(false, 4242, 5), new AccessEntry(false, 4243, 5), new AccessEntry(true, 4300, 5)],
            AccessList.Read(_shared.UserDirectory)!.OrderBy(e => e.IsGroup).ThenBy(e => e.Id));

        Assert.Null(_shared.Allow("s", []));

        Assert.Equal([], AccessList.Read(_shared.DirectoryOf("s")));
        Assert.Equal([], AccessList.Read(_shared.SocketOf("s")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_shared.SocketOf("s")));
    }

    [Fact]
    public void Change_RolesByUserAndGroup_ControlWins_TakenBackToNone()
    {
        Assert.Null(_shared.PrepareForServer("s"));
        File.WriteAllBytes(_shared.SocketOf("s"), []);
        SessionSharing sharing = new("s", _shared, null);
        PeerCredentials bob = new(1, 4242, 4242), inStaff = new(2, 4243, 4243) { Groups = [50] }, other = new(3, 4244, 4244) { Groups = [51] };
        Assert.Equal(PeerRole.None, sharing.RoleOf(bob));

        Assert.Null(sharing.Change([new SessionGrant(false, 4242, false), new SessionGrant(true, 50, true)], [], false, OwnUser.Uid).Problem);

        Assert.Equal((PeerRole.ReadOnly, PeerRole.Control, PeerRole.None), (sharing.RoleOf(bob), sharing.RoleOf(inStaff), sharing.RoleOf(other)));
        Assert.Equal(PeerRole.Control, sharing.RoleOf(bob with { Groups = [50] }));

        Assert.Null(sharing.Change([new SessionGrant(false, 4242, true)], [new SessionGrant(true, 50, false)], false, OwnUser.Uid).Problem);

        Assert.Equal((PeerRole.Control, PeerRole.None), (sharing.RoleOf(bob), sharing.RoleOf(inStaff)));
        Assert.Equal([new SessionGrant(false, 4242, true)], sharing.Grants);

        Assert.Null(sharing.Change([], [], true, OwnUser.Uid).Problem);

        Assert.Equal(PeerRole.None, sharing.RoleOf(bob));
        Assert.Empty(sharing.Grants);
    }

    [Fact]
    public void Change_WithoutASocketPlace_ChangesNothing_SaysWhy()
    {
        SessionSharing sharing = new("s", null, "the shared session directory /x is not trusted");

        (string? problem, _) = sharing.Change([new SessionGrant(false, 4242, false)], [], false, OwnUser.Uid);

        Assert.Equal("the shared session directory /x is not trusted", problem);
        Assert.Empty(sharing.Grants);
    }

    [Fact]
    public async Task TwoServersOfOneName_FromTwoSessionDirectories_TheSecondStartsUnshared_TheFirstKeepsItsSocket()
    {
        // A user logged in twice, once with XDG_RUNTIME_DIR and once without: two session directories, one
        // shared place. The second server of a name must start all the same, and leave the first's alone.
        Assert.Null(_shared.PrepareForServer("s"));
        SessionSharing first = new("s", _shared, null), second = new("s", _shared, null);
        await using SessionSocketServer one = await SessionSocketServer.StartAsync(_root.PathOf("a.sock"), new TestSessionService(), new SessionSocketServerOptions { Sharing = first }, Bounded.Token());

        await using SessionSocketServer two = await SessionSocketServer.StartAsync(_root.PathOf("b.sock"), new TestSessionService(), new SessionSocketServerOptions { Sharing = second }, Bounded.Token());

        Assert.Equal(_shared.SocketOf("s"), first.SocketPath);
        Assert.Null(second.SocketPath);
        Assert.StartsWith("another session of yours named so is shared already", second.Problem, StringComparison.Ordinal);
        _shared.ForgetDead("s"); // a client that found the second's name dead would call this: the first's socket answers, so it stays
        Assert.True(File.Exists(_shared.SocketOf("s")));
        using System.Net.Sockets.Socket probe = new(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
        await probe.ConnectAsync(new System.Net.Sockets.UnixDomainSocketEndPoint(_shared.SocketOf("s")));
    }

    [Fact]
    public async Task AReadOnlyGrant_OverARealServer_HelloAnswersWithTheVersion_AnActingCallIsRefusedAsReadOnly()
    {
        // The session's user is another uid; this test's own user is given a read-only grant.
        Assert.Null(_shared.PrepareForServer("s"));
        SessionSharing sharing = new("s", _shared, null);
        await using SessionSocketServer server = await SessionSocketServer.StartAsync(
            _root.PathOf("s.sock"), new TestSessionService(), new SessionSocketServerOptions { AllowedUid = OwnUser.Uid + 1, Sharing = sharing }, Bounded.Token());
        Assert.Null(sharing.Change([new SessionGrant(false, OwnUser.Uid, Control: false)], [], false, OwnUser.Uid + 1).Problem);
        using Grpc.Net.Client.GrpcChannel channel = SessionChannel.ForSocket(sharing.SocketPath!);
        TuiProcManager.Protocol.V1.Session.SessionClient calls = new(channel);

        using Grpc.Core.AsyncUnaryCall<TuiProcManager.Protocol.V1.HelloReply> hello = calls.HelloAsync(new TuiProcManager.Protocol.V1.HelloRequest { Major = TuiProcManager.Protocol.ProtocolVersion.Major }, cancellationToken: Bounded.Token());
        _ = await hello.ResponseAsync;
        Grpc.Core.RpcException refused = await Assert.ThrowsAsync<Grpc.Core.RpcException>(
            () => calls.SpawnAsync(new TuiProcManager.Protocol.V1.SpawnRequest(), cancellationToken: Bounded.Token()).ResponseAsync);

        // A spectator is told the version as the owner is (a stranger is not): mismatches can be said to it.
        Assert.Equal(TuiProcManager.Protocol.ProtocolVersion.This, TuiProcManager.Protocol.PeerVersion.Parse((await hello.ResponseHeadersAsync).GetValue(TuiProcManager.Protocol.CallHeaders.Protocol)));
        Assert.Equal((Grpc.Core.StatusCode.PermissionDenied, $"read-only: {UserNames.NameOf(OwnUser.Uid + 1)} shared this session with you to watch, not to act"), (refused.StatusCode, refused.Status.Detail));
    }

    [RootFact("giving a directory to another user (chown) needs root")]
    public void ClientProblem_ADirectoryOfAnotherUserOnTheWay_NotTrusted()
    {
        Assert.Null(_shared.PrepareForServer("s"));
        Assert.Null(_shared.ClientProblem("s"));

        File.SetUnixFileMode(_shared.DirectoryOf("s"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Assert.Equal(0, Chown(_shared.DirectoryOf("s"), "4242"));

        Assert.Equal($"{_shared.DirectoryOf("s")} belongs to uid 4242, not to {UserNames.Describe(OwnUser.Uid)}: it is not trusted", _shared.ClientProblem("s"));
        Assert.Equal($"{UserNames.Describe(OwnUser.Uid)} has no session named t here", _shared.ClientProblem("t"));
    }

    public void Dispose() => _root.Dispose();

    private static int Chown(string path, string owner)
    {
        using System.Diagnostics.Process chown = System.Diagnostics.Process.Start("chown", [owner, path]);
        chown.WaitForExit();
        return chown.ExitCode;
    }
}

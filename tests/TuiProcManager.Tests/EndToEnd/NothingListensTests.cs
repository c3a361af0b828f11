using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.EndToEnd;

/// <summary>
/// tuiproc listens on no network port at all. The UI's session server listens on two unix sockets, its
/// session's and the one it may be shared through (decision 0007), each owner-only (0600) in owner-only
/// directories (0700) until the user shares it; <c>tuiproc run</c> listens on nothing.
/// The one socket a .NET process has by default, the runtime's diagnostic port, is allowed only as the
/// runtime makes it: owner-only (0600); <c>DOTNET_EnableDiagnostics=0</c> removes it.
/// </summary>
public sealed class NothingListensTests
{
    [Fact]
    public void Ui_WithWorkersAlive_ListensOnlyOnItsSessionsOwnerOnlySocket()
    {
        using TmuxApp app = TmuxApp.Start(["--session", "only", "--steps", "1000", "--wait-ms", "50", "square:3", "cube:3"]);
        app.PidOf("square 3");
        app.PidOf("cube 3");
        string socket = Path.Combine(app.RuntimeDir, "tuiproc", "only.sock");

        Assert.NotEmpty(app.Descendants());
        Assert.NotEqual(0, ListeningSockets.Count(app.Pid)); // it sees the tree's sockets (the runtime's own, at least)
        string shared = SharedSocket(app, "only");
        Assert.Equal([$"unix {socket} (pid {app.SessionServer})", $"unix {shared} (pid {app.SessionServer})"], ListeningSockets.OfTreeButTheRuntimesOwnerOnlyDiagnosticPort(app.Pid).Order(StringComparer.Ordinal));
        foreach (string path in (string[])[socket, shared])
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(Path.GetDirectoryName(shared))!));
    }

    [Fact]
    public void Ui_WithoutTheRuntimesDiagnosticPort_ListensOnItsSessionsSocketAlone()
    {
        using TmuxApp app = TmuxApp.Start(["--session", "alone", "--steps", "1000", "--wait-ms", "50", "square:3"], env: new Dictionary<string, string> { ["DOTNET_EnableDiagnostics"] = "0" });
        app.PidOf("square 3");

        Assert.Equal(
            [$"unix {Path.Combine(app.RuntimeDir, "tuiproc", "alone.sock")} (pid {app.SessionServer})", $"unix {SharedSocket(app, "alone")} (pid {app.SessionServer})"],
            ListeningSockets.Of(app.Pid).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Run_WithWorkersAlive_ListensOnNothing()
    {
        using TempFile events = new(".jsonl");
        using Tuiproc.Running run = Tuiproc.Start("run", "--steps", "1000", "--wait-ms", "50", "--events", events.Path, "square:3", "cube:3");
        await Tuiproc.UntilAsync(() => Tuiproc.ReportedPids(events.Path).Length >= 2, "both workers spawned");

        Assert.Empty(ListeningSockets.OfTreeButTheRuntimesOwnerOnlyDiagnosticPort(run.Pid));
        Tuiproc.Signal(run.Pid, 15);
        await run.EndAsync();
    }

    [Fact]
    public void TheCheck_SeesAListeningSocket()
    {
        // The check itself can fail: a process of ours listening on TCP and on a unix socket is found.
        using System.Net.Sockets.TcpListener tcp = new(System.Net.IPAddress.Loopback, 0);
        tcp.Start();
        string path = Path.Combine(Path.GetTempPath(), $"tuiproc-test-{Guid.NewGuid():N}.sock");
        using System.Net.Sockets.Socket unix = new(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
        unix.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(path));
        unix.Listen();
        using System.Net.Sockets.UdpClient udp = new(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        try
        {
            IReadOnlyList<string> found = ListeningSockets.OfTreeButTheRuntimesOwnerOnlyDiagnosticPort(Environment.ProcessId);

            Assert.Contains(found, s => s.StartsWith("tcp ", StringComparison.Ordinal));
            Assert.Contains(found, s => s.StartsWith("udp ", StringComparison.Ordinal));
            Assert.Contains(found, s => s.StartsWith("unix " + path, StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The session's shared socket, in the test's own shared directory (TmuxApp sets TUIPROC_SHARED_DIR).</summary>
    private static string SharedSocket(TmuxApp app, string name) =>
        Path.Combine(app.ConfigHome, $"tuiproc-shared-{OwnUid()}", name, "session.sock");

    private static string OwnUid() =>
        File.ReadLines("/proc/self/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t', StringSplitOptions.RemoveEmptyEntries)[2];
}

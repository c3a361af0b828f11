using TuiProcManager.Protocol;
using TuiProcManager.Sessions.Transport;

namespace TuiProcManager.Tests.TestSupport;

/// <summary>
/// A session server of another tuiproc build (<see cref="OtherBuildSessionService"/>) hosted in the test
/// process by the project's own <see cref="SessionSocketServer"/>, where the real tuiproc looks for session
/// NAME: <c>$XDG_RUNTIME_DIR/tuiproc/NAME.sock</c>, in a runtime directory of its own (0700). Its worker is a
/// real <c>sleep 600</c>, killed with it.
/// </summary>
internal sealed class OtherBuildSession : IAsyncDisposable
{
    private readonly string _runtimeDir;
    private readonly System.Diagnostics.Process _worker;
    private SessionSocketServer? _server;

    private OtherBuildSession(string name, PeerVersion version, bool knowsThisHello)
    {
        _runtimeDir = Directory.CreateTempSubdirectory("tuiproc-ver-").FullName;
        // Every stream redirected: one left to the test host's terminal would make the runtime set that terminal up.
        _worker = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("sleep", "600") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true })!;
        Service = new OtherBuildSessionService(name, version, knowsThisHello, _worker.Id);
    }

    /// <summary>The service, for what the client asked of it.</summary>
    public OtherBuildSessionService Service { get; }

    /// <summary>The PID of its worker.</summary>
    public int WorkerPid => _worker.Id;

    /// <summary>The environment in which tuiproc finds this session.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["XDG_RUNTIME_DIR"] = _runtimeDir };

    /// <summary>Serves session <paramref name="name"/> as a build of <paramref name="version"/>.</summary>
    public static async Task<OtherBuildSession> StartAsync(string name, PeerVersion version, bool knowsThisHello)
    {
        OtherBuildSession session = new(name, version, knowsThisHello);
        try
        {
            using CancellationTokenSource bound = new(Tuiproc.Bound);
            session._server = await SessionSocketServer.StartAsync(
                Path.Combine(session._runtimeDir, "tuiproc", name + ".sock"), session.Service, new SessionSocketServerOptions { ShutdownTimeout = TimeSpan.FromMilliseconds(500) }, bound.Token);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _worker.Kill();
        await _worker.WaitForExitAsync().WaitAsync(Tuiproc.Bound);
        _worker.Dispose();
        Directory.Delete(_runtimeDir, recursive: true);
    }
}

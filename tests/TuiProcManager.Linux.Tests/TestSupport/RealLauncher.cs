using TuiProcManager.Core.Os;
using TuiProcManager.Linux.Processes;

namespace TuiProcManager.Linux.Tests.TestSupport;

/// <summary>The Linux launcher alone (epoll, pidfd, posix_spawn or the fork server), without a supervisor.</summary>
internal sealed class RealLauncher : IDisposable
{
    private readonly IoLoop _io;
    private readonly OrphanGuard _guard;

    public RealLauncher(bool useForkServer = true, Action<LinuxProcessOptions>? configure = null)
    {
        LinuxProcessOptions options = new() { WorkerExecutable = RealSupervisor.WorkerPath, UseForkServer = useForkServer };
        configure?.Invoke(options);
        _io = new IoLoop(options);
        _guard = new OrphanGuard(options);
        ForkServer = new ForkServer(options);
        Launcher = new LinuxProcessLauncher(_io, _guard, ForkServer, options);
    }

    public LinuxProcessLauncher Launcher { get; }

    public ForkServer ForkServer { get; }

    /// <summary>Starts <paramref name="request"/>, recording what it reports.</summary>
    public (IProcessHandle Process, RecordingEvents Events) Start(LaunchRequest request)
    {
        RecordingEvents events = new();
        return (Launcher.Start(request, events), events);
    }

    /// <summary>The worker from the fork server when it is on and this build can fork (NativeAOT), else from posix_spawn.</summary>
    public void AssertForkServerUsed(bool expected)
    {
        if (expected && WorkerBuild.IsNativeAot)
        {
            Assert.NotNull(ForkServer.Pid);
            Assert.Null(ForkServer.DisabledBecause);
        }
        else
        {
            Assert.Null(ForkServer.Pid);
        }
    }

    public void Dispose()
    {
        Launcher.Dispose();
        ForkServer.Dispose();
        _guard.Dispose();
        _io.Dispose();
    }
}

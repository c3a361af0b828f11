using TuiProcManager.Core.Os;
using TuiProcManager.Linux.Interop;

namespace TuiProcManager.Linux.Processes;

/// <summary>Starts children with posix_spawn (see <see cref="Spawner"/>) and hands them to the <see cref="IoLoop"/>.</summary>
/// <remarks>Thread-safe. The environment is taken once, at construction.</remarks>
internal sealed class PosixSpawnLauncher : IProcessLauncher, IDisposable
{
    private readonly IoLoop _io;
    private readonly OrphanGuard _guard;
    private readonly NativeStringArray _environment;

    public PosixSpawnLauncher(IoLoop io, OrphanGuard guard)
    {
        _io = io;
        _guard = guard;
        _environment = new NativeStringArray(ChildEnvironment.Build(guard.EnvironmentEntry));
    }

    public IProcessHandle Start(LaunchRequest request, IProcessEvents events)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(events);
        _guard.EnsureStarted(_environment);
        (int outRead, int outWrite) = Pipes.Create();
        int errRead = -1, errWrite = -1;
        int rc, pid;
        try
        {
            (errRead, errWrite) = Pipes.Create();
            rc = Spawner.Spawn(request.Program, [request.Program, .. request.Arguments], _environment, -1, outWrite, errWrite, out pid);
        }
        catch
        {
            Pipes.Close(outRead, errRead);
            throw;
        }
        finally
        {
            Pipes.Close(outWrite, errWrite); // the child has its copies; ours would keep the pipes from EOF
        }

        if (rc != 0)
        {
            Pipes.Close(outRead, errRead);
            throw new LaunchException(Describe(request.Program, rc));
        }

        int pidfd = Libc.PidfdOpen(pid); // safe: pid is our unreaped child, so it cannot have been reused
        if (pidfd < 0)
        {
            int errno = Libc.LastErrno;
            _ = Libc.Kill(-pid, Signals.SIGKILL);
            Pipes.Close(outRead, errRead);
            throw new LaunchException("pidfd_open failed (Linux 5.4 or later is required): " + Libc.Describe(errno));
        }

        PidfdProcess process = new(pid, pidfd);
        Pipes.SetNonBlocking(outRead);
        Pipes.SetNonBlocking(errRead);
        try
        {
            _io.Add(process, events, outRead, errRead);
        }
        catch (LaunchException)
        {
            process.Dispose();
            Pipes.Close(outRead, errRead);
            throw;
        }

        return process;
    }

    public void Dispose() => _environment.Dispose();

    private static string Describe(string program, int errno) => errno switch
    {
        Errno.ENOENT => $"{program}: no such file or directory",
        Errno.EACCES => $"{program}: permission denied (not executable?)",
        Errno.EAGAIN => $"{program}: {Libc.Describe(errno)} (the process limit is reached; see ulimit -u)",
        _ => $"{program}: {Libc.Describe(errno)}",
    };
}

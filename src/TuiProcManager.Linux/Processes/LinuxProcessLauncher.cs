using System.Globalization;
using TuiProcManager.Core.Os;
using TuiProcManager.Linux.Interop;

namespace TuiProcManager.Linux.Processes;

/// <summary>
/// Starts children: square and cube workers through the <see cref="ForkServer"/> when it is available,
/// everything else (and the workers when it is not) with posix_spawn (<see cref="Spawner"/>); then
/// hands each one to the <see cref="IoLoop"/>.
/// </summary>
/// <remarks>
/// Either way the child is ours (the fork server clones with CLONE_PARENT), the leader of its own
/// process group, marked for the <see cref="OrphanGuard"/>, and has exactly these fds: 0, stdin, from
/// /dev/null or (<see cref="LaunchRequest.WithInput"/>) a pipe whose write end only we hold; 1 and 2,
/// stdout and stderr, on pipes whose read ends only we hold; and 3, only with
/// <see cref="LaunchRequest.WithResults"/>, the results pipe, read like them (see <see cref="ChildPipes"/>). Thread-safe. The environment is taken once, at
/// construction.
/// </remarks>
internal sealed class LinuxProcessLauncher : IProcessLauncher, IDisposable
{
    private readonly IoLoop _io;
    private readonly OrphanGuard _guard;
    private readonly ForkServer _forkServer;
    private readonly StraySweeper _strays;
    private readonly string _workerExecutable;
    private readonly string _workerArgv0;
    private readonly List<string> _parentEnvironment;
    private readonly NativeStringArray _environment; // launch 0: the guard, the fork server and its workers

    public LinuxProcessLauncher(IoLoop io, OrphanGuard guard, ForkServer forkServer, LinuxProcessOptions options)
    {
        _io = io;
        _guard = guard;
        _forkServer = forkServer;
        _workerExecutable = options.WorkerExecutable;
        _workerArgv0 = options.WorkerArgv0;
        _parentEnvironment = ChildEnvironment.Build();
        _environment = new NativeStringArray([.. _parentEnvironment, guard.EnvironmentMark + "0"]);
        _strays = new StraySweeper(guard.EnvironmentMark, pid => pid == guard.Pid || pid == forkServer.Pid, guard.Report);
        io.Attach(_strays);

        // Orphaned descendants of our workers come to us rather than to init, so the sweeper can find,
        // end and reap them. Process-wide. Should it fail (it cannot on Linux 3.4+), they go to init and
        // only the orphan guard ends them, when we exit.
        _ = Libc.Prctl(Libc.PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
    }

    public IProcessHandle Start(LaunchRequest request, IProcessEvents events)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(events);

        // Between Register and Started the sweeper puts its sweeps off, so that it cannot take the new process
        // for a stray; no lock is held meanwhile (the fork server may take seconds to answer).
        long launch = _strays.Register(events);
        try
        {
            PidfdProcess handle = Start(request, events, launch);
            _strays.Started(launch, handle.Pid);
            return handle;
        }
        catch
        {
            _strays.Forget(launch);
            throw;
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<AdoptedProcess> ReadAdopted() => _strays.ReadAdopted();

    public void Dispose() => _environment.Dispose();

    private PidfdProcess Start(LaunchRequest request, IProcessEvents events, long launch)
    {
        _guard.EnsureStarted(_environment);
        ChildPipes pipes = ChildPipes.Create(request);
        int rc, pid;
        string? note = null;
        try
        {
            bool serverWasUp = _forkServer.Pid is not null && _forkServer.DisabledBecause is null;
            if (request.Program == _workerExecutable
                && _forkServer.TryFork(request.Arguments, pipes.Child, _environment, out pid, out rc))
            {
                // The forked child puts itself in a group of its own, but perhaps not yet: as its parent
                // (CLONE_PARENT) we do it too, before anyone can signal the group. Whichever runs first
                // wins; the other is a no-op. (posix_spawn does this itself, before exec.)
                _ = rc == 0 ? Libc.SetPgid(pid, pid) : 0;
            }
            else
            {
                if (serverWasUp && _forkServer.DisabledBecause is { } why)
                {
                    note = $"started with posix_spawn: {why}; the fork server is not used any more";
                }

                // Its own mark value: what it leaves behind can be told apart from other workers' strays.
                using NativeStringArray environment = new([.. _parentEnvironment, _guard.EnvironmentMark + launch.ToString(CultureInfo.InvariantCulture)]);
                string argv0 = request.Program == _workerExecutable ? _workerArgv0 : request.Program; // the worker may be tuiproc itself, started as tuiproc-worker
                rc = Spawner.Spawn(request.Program, [argv0, .. request.Arguments], environment, pipes.Child, out pid);
            }
        }
        catch
        {
            pipes.CloseOurEnds();
            throw;
        }
        finally
        {
            pipes.CloseChildEnds(); // the child has its copies; ours would keep the pipes from EOF
        }

        if (rc != 0)
        {
            pipes.CloseOurEnds();
            throw new LaunchException(Describe(request.Program, rc));
        }

        int pidfd = Libc.PidfdOpen(pid); // safe: pid is our unreaped child, so it cannot have been reused
        if (pidfd < 0)
        {
            int errno = Libc.LastErrno;
            _ = Libc.Kill(-pid, Signals.SIGKILL);
            pipes.CloseOurEnds();
            throw new LaunchException(PidfdFailure.Describe(errno));
        }

        PidfdProcess process = new(pid, pidfd, pipes.TakeInput()) { StartNote = note };
        try
        {
            _io.Add(process, events, pipes.OutputReadEnds, launch);
        }
        catch (LaunchException)
        {
            process.Dispose(); // kills it and closes its stdin pipe
            pipes.CloseOurEnds();
            throw;
        }

        return process;
    }

    private static string Describe(string program, int errno) => errno switch
    {
        Errno.ENOENT => $"{program}: no such file or directory",
        Errno.EACCES => $"{program}: permission denied (not executable?)",
        Errno.EAGAIN => $"{program}: {Libc.Describe(errno)} (the process limit is reached; see ulimit -u)",
        _ => $"{program}: {Libc.Describe(errno)}",
    };
}

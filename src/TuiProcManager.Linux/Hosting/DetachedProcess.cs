using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using TuiProcManager.Linux.Interop;
using TuiProcManager.Linux.Processes;

namespace TuiProcManager.Linux.Hosting;

/// <summary>
/// Starts a process that outlives this one and its terminal (a session server): in a session of its own
/// (setsid, no controlling terminal, so a hang-up of ours never reaches it), stdin on /dev/null, stdout and
/// stderr appended to a log file, every signal at its default, a pipe on its fd 3 through which it
/// says it is ready, and optionally a file of ours on its fd 4 (the events file it writes for us).
/// </summary>
/// <remarks>
/// It stays this process's child until this process ends (then init, or the nearest subreaper, adopts it):
/// the runtime does not reap children it did not start with Process, so one that ends while this process
/// still runs is a zombie until then. The clients that start servers are short-lived or attached to the
/// server they started (and end with it).
/// </remarks>
public static class DetachedProcess
{
    /// <summary>Starts <paramref name="program"/>.</summary>
    /// <param name="program">An absolute path.</param>
    /// <param name="argv">Its arguments, its name first.</param>
    /// <param name="logPath">Where its stdout and stderr go (created 0600, appended to).</param>
    /// <param name="ready">The read end of its fd 3: it writes a line there when ready, or closes it when it fails.</param>
    /// <param name="passed">An open fd of ours it gets as its fd 4 (ours stays open); null: it has no fd 4.</param>
    /// <returns>Its process ID.</returns>
    /// <exception cref="IOException">It could not be started (the one line says why).</exception>
    public static unsafe int Start(string program, IReadOnlyList<string> argv, string logPath, out Stream ready, SafeHandle? passed = null)
    {
        ArgumentNullException.ThrowIfNull(argv);
        int* pipe = stackalloc int[2];
        if (Libc.Pipe2(pipe, Libc.O_CLOEXEC) != 0)
        {
            throw new IOException("cannot make a pipe: " + Libc.Describe(Libc.LastErrno));
        }

        int log = Libc.Open(logPath, Libc.O_WRONLY | Libc.O_CREAT | Libc.O_APPEND | Libc.O_CLOEXEC, 0x180 /* 0600 */);
        if (log < 0)
        {
            int errno = Libc.LastErrno;
            _ = Libc.Close(pipe[0]);
            _ = Libc.Close(pipe[1]);
            throw new IOException($"cannot write {logPath}: {Libc.Describe(errno)}");
        }

        // A copy of the passed fd numbered 10 or more: our own number could be 3, which the ready pipe's
        // copy replaces in the child before fd 4 is copied (see Spawner).
        int extra = passed is null ? -1 : Libc.Fcntl((int)passed.DangerousGetHandle(), Libc.F_DUPFD_CLOEXEC, 10);
        if (passed is not null && extra < 0)
        {
            int errno = Libc.LastErrno;
            _ = Libc.Close(pipe[0]);
            _ = Libc.Close(pipe[1]);
            _ = Libc.Close(log);
            throw new IOException("cannot pass the events file on: " + Libc.Describe(errno));
        }

        try
        {
            using NativeStringArray environment = new(ChildEnvironment.Build());
            int rc = Spawner.Spawn(program, argv, environment, new ChildFds(-1, log, log, pipe[1], extra), out int pid, newSession: true);
            if (rc != 0)
            {
                _ = Libc.Close(pipe[0]);
                throw new IOException($"cannot start {program}: {Libc.Describe(rc)}");
            }

            ready = new FileStream(new SafeFileHandle(pipe[0], ownsHandle: true), FileAccess.Read, bufferSize: 0);
            return pid;
        }
        finally
        {
            _ = Libc.Close(pipe[1]); // the child's copy is its fd 3; ours would hide its end
            _ = Libc.Close(log);
            if (extra >= 0)
            {
                _ = Libc.Close(extra);
            }
        }
    }
}

using System.Runtime.InteropServices;
using TuiProcManager.Linux.Interop;

namespace TuiProcManager.Linux.Processes;

/// <summary>posix_spawn with what every child of ours needs.</summary>
/// <remarks>
/// <para>
/// Why posix_spawn and not <see cref="System.Diagnostics.Process"/>: .NET 10 cannot start a child in a
/// new process group, and it reconfigures the terminal around children whose stdio is not redirected,
/// which fights a full-screen UI. glibc's posix_spawn runs the child on a separate stack with
/// CLONE_VFORK, so it is safe from a multi-threaded runtime, and reports exec failures (ENOENT, EACCES)
/// as its return value.
/// </para>
/// <para>
/// Every child: is the leader of a new process group (POSIX_SPAWN_SETPGROUP, atomically before exec, so
/// there is no moment when signalling the group misses it); has every signal at its default action and
/// none blocked (the runtime ignores SIGPIPE, which a child would otherwise inherit); gets exactly fds
/// 0, 1 and 2, 3 when it has a results pipe and 4 when it has an extra fd (closefrom above the last, where the libc has it;
/// our own fds are close-on-exec anyway).
/// </para>
/// <para>
/// The dup2 actions run in order 0, 1, 2, 3, 4, so a source fd is never overwritten before it is copied as
/// long as no source is itself 0, 1 or 2 (nor 3 for fd 4), which holds while our own stdio is open (if we were started
/// with one of them closed, a pipe could get that number; not handled). A source that already is its target (a results
/// pipe that happens to be our fd 3) still loses close-on-exec: glibc 2.29+ clears the flag for
/// dup2(fd, fd).
/// </para>
/// <para>
/// The runtime does not reap children it did not start with Process, unless it runs as PID 1 or
/// SIGCHLD was ignored when it started (see <see cref="PidfdProcess.Reap"/>).
/// </para>
/// </remarks>
internal static unsafe class Spawner
{
    private static bool _closeFromMissing;

    /// <summary>Starts <paramref name="program"/> with <paramref name="fds"/> as its fds 0 to 4.</summary>
    /// <param name="program">A path, or a name looked up in PATH.</param>
    /// <param name="argv">Its arguments, its name first.</param>
    /// <param name="environment">Its environment.</param>
    /// <param name="fds">Its fds 0 to 4 (-1: /dev/null, or none for 3 and 4).</param>
    /// <param name="pid">Its process ID.</param>
    /// <param name="newSession">In a session of its own (setsid), with no controlling terminal, instead of a
    /// process group of its own in ours: a terminal that hangs up does not reach it.</param>
    /// <returns>0, or the errno that posix_spawn returned.</returns>
    public static int Spawn(string program, IReadOnlyList<string> argv, NativeStringArray environment, ChildFds fds, out int pid, bool newSession = false)
    {
        void* actions = NativeMemory.AllocZeroed(Libc.SpawnStructSize);
        void* attributes = NativeMemory.AllocZeroed(Libc.SpawnStructSize);
        void* mask = NativeMemory.AllocZeroed(Libc.SigSetSize);
        void* defaults = NativeMemory.AllocZeroed(Libc.SigSetSize);
        byte* devNull = NativeStringArray.Utf8("/dev/null");
        byte* path = NativeStringArray.Utf8(program);
        using NativeStringArray args = new(argv);
        _ = Libc.FileActionsInit(actions);
        _ = Libc.SpawnAttrInit(attributes);
        try
        {
            Redirect(actions, fds.Stdin, 0, Libc.O_RDONLY, devNull);
            Redirect(actions, fds.Stdout, 1, 1 /* O_WRONLY */, devNull);
            Redirect(actions, fds.Stderr, 2, 1 /* O_WRONLY */, devNull);
            if (fds.Results >= 0)
            {
                _ = Libc.FileActionsAddDup2(actions, fds.Results, 3);
            }

            if (fds.Extra >= 0)
            {
                if (fds.Extra == 3 && fds.Results >= 0)
                {
                    throw new ArgumentException("the extra fd cannot be our fd 3: the results pipe's copy replaces it first", nameof(fds));
                }

                _ = Libc.FileActionsAddDup2(actions, fds.Extra, 4);
            }

            CloseFrom(actions, fds.FirstUnused);
            _ = Libc.SigEmptySet(mask);
            _ = Libc.SigFillSet(defaults);
            _ = Libc.SigDelSet(defaults, Signals.SIGKILL);
            _ = Libc.SigDelSet(defaults, Signals.SIGSTOP);
            _ = Libc.SpawnAttrSetSigMask(attributes, mask);
            _ = Libc.SpawnAttrSetSigDefault(attributes, defaults);
            _ = Libc.SpawnAttrSetPgroup(attributes, 0);
            short group = newSession ? Libc.POSIX_SPAWN_SETSID : Libc.POSIX_SPAWN_SETPGROUP; // both would fail: a session leader cannot change its group
            _ = Libc.SpawnAttrSetFlags(attributes, (short)(group | Libc.POSIX_SPAWN_SETSIGMASK | Libc.POSIX_SPAWN_SETSIGDEF));
            int child = 0;
            int rc = program.Contains('/', StringComparison.Ordinal)
                ? Libc.PosixSpawn(&child, path, actions, attributes, args.Pointer, environment.Pointer)
                : Libc.PosixSpawnp(&child, path, actions, attributes, args.Pointer, environment.Pointer);
            pid = child;
            return rc;
        }
        finally
        {
            _ = Libc.FileActionsDestroy(actions);
            _ = Libc.SpawnAttrDestroy(attributes);
            NativeMemory.Free(actions);
            NativeMemory.Free(attributes);
            NativeMemory.Free(mask);
            NativeMemory.Free(defaults);
            NativeMemory.Free(devNull);
            NativeMemory.Free(path);
        }
    }

    private static void Redirect(void* actions, int fd, int target, int flags, byte* devNull)
    {
        _ = fd >= 0
            ? Libc.FileActionsAddDup2(actions, fd, target)
            : Libc.FileActionsAddOpen(actions, target, devNull, flags, 0);
    }

    private static void CloseFrom(void* actions, int lowFd)
    {
        if (_closeFromMissing)
        {
            return;
        }

        try
        {
            _ = Libc.FileActionsAddCloseFrom(actions, lowFd);
        }
        catch (EntryPointNotFoundException)
        {
            _closeFromMissing = true; // glibc before 2.34 or musl: rely on close-on-exec alone
        }
    }
}

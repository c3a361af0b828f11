using System.Runtime.InteropServices;

namespace TuiProcManager.Linux.Interop;

/// <summary>Native entry points for processes: start, signal, wait, exit (see Interop.cs).</summary>
internal static partial class Libc
{
    // --- Kill ---

    /// <summary>kill(2): a negative <paramref name="pid"/> signals the process group -pid.</summary>
    [LibraryImport(Name, EntryPoint = "kill", SetLastError = true)]
    internal static partial int Kill(int pid, int signal);

    /// <summary>setpgid(2): a parent may move its child into a new group until the child execs.</summary>
    [LibraryImport(Name, EntryPoint = "geteuid")]
    internal static partial uint GetEuid();

    /// <summary>posix_spawnattr flag (glibc 2.26+): the child calls setsid(), a new session with no controlling terminal.</summary>
    internal const short POSIX_SPAWN_SETSID = 0x80;

    [LibraryImport(Name, EntryPoint = "setpgid", SetLastError = true)]
    internal static partial int SetPgid(int pid, int pgid);

    // --- Pidfd ---

    // Syscall numbers of the pidfd calls are the same on every Linux architecture (added after the
    // numbering was unified). glibc has wrappers only since 2.36, so they are called through syscall(2).
    private const long SysPidfdSendSignal = 424;
    private const long SysPidfdOpen = 434;

    internal const int P_PIDFD = 3;
    internal const int WEXITED = 4;
    internal const int WNOHANG = 1;

    /// <summary>si_code values of a SIGCHLD siginfo.</summary>
    internal const int CLD_EXITED = 1;
    internal const int CLD_KILLED = 2;
    internal const int CLD_DUMPED = 3;

    /// <summary>Size of siginfo_t on Linux (all architectures).</summary>
    internal const int SigInfoSize = 128;

    /// <summary>Offsets in siginfo_t for SIGCHLD on 64-bit Linux: si_code, si_pid, si_status.</summary>
    internal const int SigInfoCodeOffset = 8;
    internal const int SigInfoPidOffset = 16;
    internal const int SigInfoStatusOffset = 24;

    [LibraryImport(Name, EntryPoint = "syscall", SetLastError = true)]
    private static partial long Syscall2(long number, long a1, long a2);

    [LibraryImport(Name, EntryPoint = "syscall", SetLastError = true)]
    private static partial long Syscall4(long number, long a1, long a2, long a3, long a4);

    /// <summary>pidfd_open(2): a file descriptor that refers to this process, whatever becomes of its PID.</summary>
    internal static int PidfdOpen(int pid) => (int)Syscall2(SysPidfdOpen, pid, 0);

    /// <summary>pidfd_send_signal(2): signals exactly the process the pidfd refers to.</summary>
    internal static int PidfdSendSignal(int pidfd, int signal) => (int)Syscall4(SysPidfdSendSignal, pidfd, signal, 0, 0);

    [LibraryImport(Name, EntryPoint = "waitid", SetLastError = true)]
    internal static unsafe partial int Waitid(int idType, uint id, byte* siginfo, int options);

    // --- PosixSpawn ---

    // Flags of posix_spawnattr_setflags, the same in glibc and musl.
    internal const short POSIX_SPAWN_SETPGROUP = 0x02;
    internal const short POSIX_SPAWN_SETSIGDEF = 0x04;
    internal const short POSIX_SPAWN_SETSIGMASK = 0x08;

    /// <summary>
    /// Room allocated for posix_spawn_file_actions_t and posix_spawnattr_t, which are opaque; glibc's are
    /// 80 and 336 bytes on x86-64. Generous so that another libc's layout fits too.
    /// </summary>
    internal const int SpawnStructSize = 1024;

    /// <summary>Room for a sigset_t (128 bytes in glibc).</summary>
    internal const int SigSetSize = 256;

    [LibraryImport(Name, EntryPoint = "posix_spawn", SetLastError = true)]
    internal static unsafe partial int PosixSpawn(int* pid, byte* path, void* fileActions, void* attributes, byte** argv, byte** envp);

    [LibraryImport(Name, EntryPoint = "posix_spawnp", SetLastError = true)]
    internal static unsafe partial int PosixSpawnp(int* pid, byte* file, void* fileActions, void* attributes, byte** argv, byte** envp);

    [LibraryImport(Name, EntryPoint = "posix_spawn_file_actions_init")]
    internal static unsafe partial int FileActionsInit(void* fileActions);

    [LibraryImport(Name, EntryPoint = "posix_spawn_file_actions_destroy")]
    internal static unsafe partial int FileActionsDestroy(void* fileActions);

    [LibraryImport(Name, EntryPoint = "posix_spawn_file_actions_adddup2")]
    internal static unsafe partial int FileActionsAddDup2(void* fileActions, int fd, int newFd);

    [LibraryImport(Name, EntryPoint = "posix_spawn_file_actions_addopen")]
    internal static unsafe partial int FileActionsAddOpen(void* fileActions, int fd, byte* path, int flags, uint mode);

    /// <summary>glibc 2.34+: closes every fd from <paramref name="lowFd"/> up in the child. Absent elsewhere.</summary>
    [LibraryImport(Name, EntryPoint = "posix_spawn_file_actions_addclosefrom_np")]
    internal static unsafe partial int FileActionsAddCloseFrom(void* fileActions, int lowFd);

    [LibraryImport(Name, EntryPoint = "posix_spawnattr_init")]
    internal static unsafe partial int SpawnAttrInit(void* attributes);

    [LibraryImport(Name, EntryPoint = "posix_spawnattr_destroy")]
    internal static unsafe partial int SpawnAttrDestroy(void* attributes);

    [LibraryImport(Name, EntryPoint = "posix_spawnattr_setflags")]
    internal static unsafe partial int SpawnAttrSetFlags(void* attributes, short flags);

    [LibraryImport(Name, EntryPoint = "posix_spawnattr_setpgroup")]
    internal static unsafe partial int SpawnAttrSetPgroup(void* attributes, int pgroup);

    [LibraryImport(Name, EntryPoint = "posix_spawnattr_setsigmask")]
    internal static unsafe partial int SpawnAttrSetSigMask(void* attributes, void* sigset);

    [LibraryImport(Name, EntryPoint = "posix_spawnattr_setsigdefault")]
    internal static unsafe partial int SpawnAttrSetSigDefault(void* attributes, void* sigset);

    [LibraryImport(Name, EntryPoint = "sigemptyset")]
    internal static unsafe partial int SigEmptySet(void* sigset);

    [LibraryImport(Name, EntryPoint = "sigfillset")]
    internal static unsafe partial int SigFillSet(void* sigset);

    [LibraryImport(Name, EntryPoint = "sigdelset")]
    internal static unsafe partial int SigDelSet(void* sigset, int signal);

    // --- Prctl ---

    /// <summary>
    /// prctl option: orphaned descendants are re-parented to this process rather than to init, so that
    /// they stay our children (findable, killable, and ours to reap). Process-wide, not per thread.
    /// </summary>
    internal const int PR_SET_CHILD_SUBREAPER = 36;

    [LibraryImport(Name, EntryPoint = "prctl", SetLastError = true)]
    internal static partial int Prctl(int option, ulong arg2, ulong arg3, ulong arg4, ulong arg5);

    // --- Exit ---

    /// <summary>_exit(2): ends the process at once, without the runtime's exit handlers; never returns.</summary>
    [LibraryImport(Name, EntryPoint = "_exit")]
    internal static partial void Exit(int status);

    // --- GetRandom ---

    /// <summary>
    /// getrandom(2), flags 0: the kernel's random bytes. Up to 256 bytes are never cut short or interrupted once
    /// the pool is initialised. Used instead of RandomNumberGenerator, which on Linux loads OpenSSL (libssl.so.3
    /// and libcrypto.so.3) into a process that otherwise needs only libc: a lab server need not have OpenSSL 3.
    /// </summary>
    [LibraryImport(Name, EntryPoint = "getrandom", SetLastError = true)]
    internal static unsafe partial nint GetRandom(byte* buffer, nuint length, uint flags);
}

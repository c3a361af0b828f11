using System.Runtime.InteropServices;

namespace TuiProcManager.Linux.Interop;

internal static partial class Libc
{
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
}

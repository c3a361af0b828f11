using System.Runtime.InteropServices;

namespace TuiProcManager.Worker;

/// <summary>
/// The worker's native calls (Linux). Kept here rather than shared with TuiProcManager.Linux: the worker
/// references nothing, so that it stays small and quick to start.
/// </summary>
internal static unsafe partial class Native
{
    internal const int EINTR = 4;
    internal const int EAGAIN = 11;
    internal const short POLLIN = 1;
    internal const int ESRCH = 3;
    internal const int EMFILE = 24;
    internal const int SIGKILL = 9;
    internal const int SIGSTOP = 19;
    internal const int SIGCHLD = 17;
    internal const long CLONE_PARENT = 0x8000;
    internal const int O_RDONLY = 0;
    internal const int SOL_SOCKET = 1;
    internal const int SCM_RIGHTS = 1;
    internal const int MSG_NOSIGNAL = 0x4000;
    internal const int MSG_CMSG_CLOEXEC = 0x40000000;
    private const long SysClone = 56; // x86-64 numbering; see Clone()
    private const long SysCloseRange = 436;
    private const long SysPidfdSendSignal = 424; // the pidfd calls have one number on every architecture
    private const long SysPidfdOpen = 434;

    internal static int LastErrno => Marshal.GetLastPInvokeError();

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    internal static partial nint Write(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    internal static partial nint Read(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    internal static partial int Poll(PollFd* fds, nuint count, int timeoutMs);

    [LibraryImport("libc", EntryPoint = "getppid")]
    internal static partial int GetParentPid();

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    internal static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    internal static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "dup2", SetLastError = true)]
    internal static partial int Dup2(int fd, int newFd);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "setpgid", SetLastError = true)]
    internal static partial int SetPgid(int pid, int pgid);

    [LibraryImport("libc", EntryPoint = "_exit")]
    internal static partial void Exit(int code);

    [LibraryImport("libc", EntryPoint = "send", SetLastError = true)]
    internal static partial nint Send(int fd, byte* buffer, nint count, int flags);

    [LibraryImport("libc", EntryPoint = "recvmsg", SetLastError = true)]
    internal static partial nint RecvMsg(int fd, MsgHdr* message, int flags);

    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static partial long Syscall(long number, long a1, long a2, long a3, long a4, long a5);

    /// <summary>
    /// clone(2) with only <paramref name="flags"/> (no new stack: fork semantics). Raw, not glibc's fork():
    /// fork() cannot make the child our parent's child (CLONE_PARENT). The child skips glibc's fork
    /// bookkeeping, which is why it only runs the worker and leaves through <see cref="Exit"/>.
    /// x86-64 argument order: flags, stack, parent_tid, child_tid, tls (arm64 and others: flags, stack,
    /// parent_tid, tls, child_tid; with all but flags zero the order does not matter, but the syscall
    /// number does: 56 is x86-64's, 220 arm64's).
    /// </summary>
    internal static int Clone(long flags) =>
        (int)Syscall(RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? 220 : SysClone, flags, 0, 0, 0, 0);

    /// <summary>close_range(2): closes every fd from <paramref name="first"/> up (Linux 5.9+).</summary>
    internal static bool CloseFrom(int first) => Syscall(SysCloseRange, first, uint.MaxValue, 0, 0, 0) == 0;

    /// <summary>pidfd_open(2): an fd that refers to this process whatever becomes of its PID; negative on failure.</summary>
    internal static int PidfdOpen(int pid) => (int)Syscall(SysPidfdOpen, pid, 0, 0, 0, 0);

    /// <summary>pidfd_send_signal(2): signals exactly the process the pidfd refers to.</summary>
    internal static int PidfdSendSignal(int pidfd, int signal) => (int)Syscall(SysPidfdSendSignal, pidfd, signal, 0, 0, 0);

    /// <summary>struct msghdr (64-bit Linux).</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct MsgHdr
    {
        public void* Name;
        public uint NameLength;
        public IoVec* Iov;
        public nuint IovLength;
        public void* Control;
        public nuint ControlLength;
        public int Flags;
    }

    /// <summary>struct pollfd.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct PollFd
    {
        public int Fd;
        public short Events;
        public short ReturnedEvents;
    }

    /// <summary>struct iovec.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct IoVec
    {
        public void* Base;
        public nuint Length;
    }

    /// <summary>struct cmsghdr (64-bit Linux): the header of one control message; its data follows.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct CmsgHdr
    {
        public nuint Length;
        public int Level;
        public int Type;
    }
}

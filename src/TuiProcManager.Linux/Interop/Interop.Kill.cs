using System.Runtime.InteropServices;

namespace TuiProcManager.Linux.Interop;

internal static partial class Libc
{
    /// <summary>kill(2): a negative <paramref name="pid"/> signals the process group -pid.</summary>
    [LibraryImport(Name, EntryPoint = "kill", SetLastError = true)]
    internal static partial int Kill(int pid, int signal);

    /// <summary>setpgid(2): a parent may move its child into a new group until the child execs.</summary>
    [LibraryImport(Name, EntryPoint = "setpgid", SetLastError = true)]
    internal static partial int SetPgid(int pid, int pgid);
}

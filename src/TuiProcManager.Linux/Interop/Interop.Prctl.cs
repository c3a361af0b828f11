using System.Runtime.InteropServices;

namespace TuiProcManager.Linux.Interop;

internal static partial class Libc
{
    /// <summary>
    /// prctl option: orphaned descendants are re-parented to this process rather than to init, so that
    /// they stay our children (findable, killable, and ours to reap). Process-wide, not per thread.
    /// </summary>
    internal const int PR_SET_CHILD_SUBREAPER = 36;

    [LibraryImport(Name, EntryPoint = "prctl", SetLastError = true)]
    internal static partial int Prctl(int option, ulong arg2, ulong arg3, ulong arg4, ulong arg5);
}

using System.Runtime.InteropServices;

namespace TuiProcManager.Linux.Interop;

internal static partial class Libc
{
    /// <summary>getrlimit resource: the number of file descriptors this process may have open (ulimit -n).</summary>
    internal const int RLIMIT_NOFILE = 7;

    /// <summary>struct rlimit: soft (current) and hard (ceiling) limits, rlim_t being 64 bits on 64-bit Linux.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct RLimit
    {
        public ulong Current;
        public ulong Maximum;
    }

    [LibraryImport(Name, EntryPoint = "getrlimit", SetLastError = true)]
    internal static partial int GetRLimit(int resource, out RLimit limit);
}

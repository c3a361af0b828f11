using System.Runtime.InteropServices;

namespace TuiProcManager.Linux.Interop;

internal static partial class Libc
{
    internal const int _SC_CLK_TCK = 2;

    [LibraryImport(Name, EntryPoint = "sysconf", SetLastError = true)]
    internal static partial long Sysconf(int name);
}

using System.Runtime.InteropServices;

namespace TuiProcManager.Linux.Interop;

internal static partial class Libc
{
    /// <summary>_exit(2): ends the process at once, without the runtime's exit handlers; never returns.</summary>
    [LibraryImport(Name, EntryPoint = "_exit")]
    internal static partial void Exit(int status);
}

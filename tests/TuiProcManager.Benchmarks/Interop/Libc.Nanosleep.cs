using System.Runtime.InteropServices;

namespace TuiProcManager.Benchmarks.Interop;

/// <summary>The benchmarks' only native call: .NET sleeps in whole milliseconds, the /proc sampler needs less.</summary>
internal static partial class Libc
{
    /// <summary>nanosleep(2); -1 with EINTR when a signal came first (the sampler just samples early).</summary>
    [LibraryImport("libc", EntryPoint = "nanosleep", SetLastError = true)]
    internal static partial int Nanosleep(in Timespec request, nint remaining);
}

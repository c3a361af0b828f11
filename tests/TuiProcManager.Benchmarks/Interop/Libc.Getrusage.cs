using System.Runtime.InteropServices;

namespace TuiProcManager.Benchmarks.Interop;

/// <summary>getrusage(2) of the children we reaped: user + system in microseconds, where /proc's cutime is in 10 ms ticks.</summary>
internal static partial class Libc
{
    private const int RusageChildren = -1;

    /// <summary>CPU seconds (user + system) of every child this process has reaped, and of the children they reaped.</summary>
    internal static double ReapedChildrenCpuSeconds()
    {
        Span<long> usage = stackalloc long[18]; // struct rusage: two timevals (4 longs), then 14 longs
        if (Getrusage(RusageChildren, ref MemoryMarshal.GetReference(usage)) != 0)
        {
            throw new InvalidOperationException("getrusage(RUSAGE_CHILDREN) failed: " + Marshal.GetLastPInvokeErrorMessage());
        }

        return usage[0] + usage[1] / 1e6 + usage[2] + usage[3] / 1e6;
    }

    [LibraryImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static partial int Getrusage(int who, ref long usage);
}

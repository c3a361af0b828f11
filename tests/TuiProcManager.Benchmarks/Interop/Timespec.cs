using System.Runtime.InteropServices;

namespace TuiProcManager.Benchmarks.Interop;

/// <summary>struct timespec on 64-bit Linux: seconds and nanoseconds, both 64-bit.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct Timespec(long Seconds, long Nanoseconds)
{
    public static Timespec From(TimeSpan span) => new(span.Ticks / TimeSpan.TicksPerSecond, span.Ticks % TimeSpan.TicksPerSecond * 100);
}

namespace TuiProcManager.Worker;

/// <summary>Spends a given amount of real CPU time, so that a worker is visibly running.</summary>
/// <remarks>
/// The budget is CPU time, not wall time: a worker that is paused (SIGSTOP) or shares its core does the
/// same work, only later. <see cref="Environment.CpuUsage"/> is one getrusage call, so it is checked only
/// every few thousand iterations.
/// </remarks>
internal static class CpuBurner
{
    private static ulong _sink;

    internal static void Burn(TimeSpan cpuTime)
    {
        if (cpuTime <= TimeSpan.Zero)
        {
            return;
        }

        TimeSpan until = Environment.CpuUsage.TotalTime + cpuTime;
        ulong x = 0x9E3779B97F4A7C15UL ^ (ulong)Environment.ProcessId;
        while (Environment.CpuUsage.TotalTime < until)
        {
            for (int i = 0; i < 20_000; i++)
            {
                // xorshift64: cheap, unpredictable enough that the loop is not optimised away.
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
            }
        }

        _sink = x;
    }

    /// <summary>Keeps the result observable so the loop cannot be removed.</summary>
    internal static ulong Sink => _sink;
}

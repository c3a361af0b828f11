using System.Buffers.Text;

namespace TuiProcManager.Linux.Proc;

/// <summary>
/// How long a task has run and how many times it was put on a CPU (the first and third fields of
/// <c>/proc/PID/schedstat</c>): while neither moves, the task has not run.
/// </summary>
/// <param name="RunNanoseconds">Time spent on a CPU, in nanoseconds.</param>
/// <param name="Runs">Times it was scheduled onto a CPU.</param>
internal readonly record struct RunMark(ulong RunNanoseconds, ulong Runs)
{
    /// <summary>
    /// A mark that can tell: a kernel without scheduler statistics shows zeros, and a task that exists has run
    /// at least once.
    /// </summary>
    public bool IsKnown => Runs > 0;

    /// <summary>Parses <c>"run_ns delay_ns runs\n"</c>.</summary>
    public static bool TryParse(ReadOnlySpan<byte> schedstat, out RunMark mark)
    {
        mark = default;
        ReadOnlySpan<byte> line = schedstat.TrimEnd((byte)'\n');
        ulong ns = 0, runs = 0;
        int field = 0;
        foreach (Range r in line.Split((byte)' '))
        {
            if ((field == 0 && !Utf8Parser.TryParse(line[r], out ns, out _)) || (field == 2 && !Utf8Parser.TryParse(line[r], out runs, out _)))
            {
                return false;
            }

            field++;
        }

        if (field < 3)
        {
            return false;
        }

        mark = new RunMark(ns, runs);
        return true;
    }
}

using System.Globalization;
using System.Numerics;

namespace TuiProcManager.Worker;

/// <summary>Runs a worker: the steps (CPU work, then a wait, then a progress line), then the result.</summary>
internal static class WorkLoop
{
    /// <summary>A square or cube worker's output: the steps, then the lesson's line.</summary>
    /// <returns>The result, N² or N³, in decimal.</returns>
    internal static string Run(WorkerArguments args, Action<string> writeLine)
    {
        RunSteps(args.Kind, args.Number, args.Steps, args.WorkMs, args.WaitMs, writeLine);
        string result = Compute(args.Kind, args.Number);
        writeLine(LessonLine(args.Kind, result));
        return result;
    }

    /// <summary>The steps alone: <c>square 3: step 1/5</c> and so on.</summary>
    internal static void RunSteps(WorkerKind kind, string number, int steps, int workMs, int waitMs, Action<string> writeLine)
    {
        string name = ResultLine.KindName(kind);
        for (int step = 1; step <= steps; step++)
        {
            CpuBurner.Burn(TimeSpan.FromMilliseconds(workMs));
            if (waitMs > 0)
            {
                // Blocked in the kernel (the NativeAOT build's Thread.Sleep is a futex wait with a timeout,
                // /proc/PID/wchan futex_do_wait): /proc shows the process sleeping (S), as on I/O. It keeps
                // its deadline across SIGSTOP/SIGCONT: a stop shorter than the wait does not lengthen it.
                Thread.Sleep(waitMs);
            }

            writeLine(string.Create(CultureInfo.InvariantCulture, $"{name} {Abbreviate(number)}: step {step}/{steps}"));
        }
    }

    /// <summary>N² or N³ in decimal; <paramref name="number"/> must pass <see cref="WorkerArguments.IsInteger"/>.</summary>
    internal static string Compute(WorkerKind kind, string number)
    {
        BigInteger n = BigInteger.Parse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return (kind == WorkerKind.Square ? n * n : n * n * n).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The lesson's line: <c>Square: 100</c> for square 10, <c>Cube: 1000</c> for cube 10.</summary>
    internal static string LessonLine(WorkerKind kind, string result) =>
        (kind == WorkerKind.Square ? "Square: " : "Cube: ") + result;

    /// <summary>Keeps progress lines short when N has thousands of digits.</summary>
    private static string Abbreviate(string number) =>
        number.Length <= 24 ? number : $"{number[..10]}…{number[^10..]} ({number.Length} digits)";
}

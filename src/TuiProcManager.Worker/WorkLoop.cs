using System.Globalization;
using System.Numerics;

namespace TuiProcManager.Worker;

/// <summary>Runs a worker: the steps (CPU work, then a wait, then a progress line), then the result.</summary>
internal static class WorkLoop
{
    internal static void Run(WorkerArguments args, Action<string> writeLine)
    {
        string name = args.Kind == WorkerKind.Square ? "square" : "cube";
        for (int step = 1; step <= args.Steps; step++)
        {
            CpuBurner.Burn(TimeSpan.FromMilliseconds(args.WorkMs));
            if (args.WaitMs > 0)
            {
                // Blocked in the kernel (nanosleep): /proc shows the process sleeping, as on I/O.
                Thread.Sleep(args.WaitMs);
            }

            writeLine(string.Create(CultureInfo.InvariantCulture, $"{name} {Abbreviate(args.Number)}: step {step}/{args.Steps}"));
        }

        writeLine(Result(args.Kind, args.Number));
    }

    /// <summary>The lesson's line: <c>Square: 100</c> for square 10, <c>Cube: 1000</c> for cube 10.</summary>
    internal static string Result(WorkerKind kind, string number)
    {
        BigInteger n = BigInteger.Parse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return kind == WorkerKind.Square
            ? "Square: " + (n * n).ToString(CultureInfo.InvariantCulture)
            : "Cube: " + (n * n * n).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Keeps progress lines short when N has thousands of digits.</summary>
    private static string Abbreviate(string number) =>
        number.Length <= 24 ? number : $"{number[..10]}…{number[^10..]} ({number.Length} digits)";
}

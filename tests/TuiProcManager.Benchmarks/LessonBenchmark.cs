using System.Diagnostics;
using System.Globalization;

namespace TuiProcManager.Benchmarks;

/// <summary>
/// Whole processes, as a student runs them: <c>tuiproc run square:10 cube:10</c> against
/// <c>python3 lesson.py</c> (the lesson's program), and <c>tuiproc run</c> with 100 <c>square:10</c>
/// workers against Python starting 100 <c>multiprocessing.Process</c> at once (fork and spawn start
/// methods) and joining them. Each is timed from Process.Start to its exit, its output read and checked;
/// CPU is user + system of the process and of everything it reaped (getrusage of our children, which it joins
/// when we reap it), the same for both sides. The interpreter is run directly (python3 may be a shim).
/// Rounds interleaved, medians (min–max), ratios to Python's fork.
/// </summary>
internal static class LessonBenchmark
{
    private const int Batch = 100;

    public static Task<int> RunAsync(string[] args)
    {
        int rounds = Args.Int(args, "--rounds", 10);
        if (!PythonSide.Available)
        {
            Console.Error.WriteLine("python3 not found: nothing to compare with");
            return Task.FromResult(1);
        }

        string[] batchSpecs = [.. Enumerable.Repeat("square:10", Batch)];
        string[] batchLines = [.. Enumerable.Repeat("Square: 100", Batch), "Done!"];
        Side[] sides =
        [
            new("tuiproc run square:10 cube:10", AppUnderTest.Path, ["run", "square:10", "cube:10"], ["Square: 100", "Cube: 1000", "Done!"]),
            new("python3 lesson.py", PythonSide.Interpreter, [PythonSide.Script("lesson.py")], ["Square: 100", "Cube: 1000", "Done!"]),
            new($"tuiproc run, {Batch} × square:10", AppUnderTest.Path, ["run", .. batchSpecs], batchLines),
            new($"python, {Batch} Process (fork)", PythonSide.Interpreter, [PythonSide.Script("lesson_batch.py"), "fork", $"{Batch}"], batchLines),
            new($"python, {Batch} Process (spawn)", PythonSide.Interpreter, [PythonSide.Script("lesson_batch.py"), "spawn", $"{Batch}"], batchLines),
        ];
        Console.WriteLine($"whole processes: {rounds} rounds interleaved; app {AppUnderTest.Path}; python {PythonSide.Interpreter}; {Environment.ProcessorCount} cores");
        foreach (Side side in sides)
        {
            side.Measure(); // warm-up: page cache, the interpreter's .pyc files
        }

        for (int r = 0; r < rounds; r++)
        {
            foreach (Side side in sides)
            {
                // spawn takes seconds per batch: three rounds of it are enough
                if (!side.Name.Contains("spawn", StringComparison.Ordinal) || r < 3)
                {
                    side.Measure();
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine("| whole process | wall ms | CPU ms (with workers) | wall / python fork | CPU / python fork |");
        Console.WriteLine("|---|---|---|---|---|");
        Row(sides[0], sides[1]);
        Row(sides[1], sides[1]);
        Row(sides[2], sides[3]);
        Row(sides[3], sides[3]);
        Row(sides[4], sides[3]);
        return Task.FromResult(0);
    }

    private static void Row(Side side, Side python) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {side.Name} | {Stats.MedianRange(side.Wall, "0")} | {Stats.MedianRange(side.Cpu, "0")} | {Stats.Median(side.Wall) / Stats.Median(python.Wall):0.00} | {Stats.Median(side.Cpu) / Stats.Median(python.Cpu):0.00} |"));

    private sealed class Side(string name, string program, string[] arguments, string[] expected)
    {
        public string Name => name;

        public List<double> Wall { get; } = [];

        public List<double> Cpu { get; } = [];

        /// <summary>One run; throws unless it printed the expected lines (in any order, Done! last) and exited 0.</summary>
        public void Measure()
        {
            // PYTHONUNBUFFERED removed: as most machines run Python; this one exports it.
            TimedRun run = TimedRun.Of(program, arguments, start => start.Environment.Remove("PYTHONUNBUFFERED"));
            string[] lines = run.Lines;
            if (run.ExitCode != 0 || lines.Length == 0 || lines[^1] != "Done!" || !lines.Order(StringComparer.Ordinal).SequenceEqual(expected.Order(StringComparer.Ordinal)))
            {
                throw new InvalidOperationException($"{name} exited {run.ExitCode} and printed {lines.Length} lines ({string.Join(" | ", lines.Take(4))}): {run.Errors.Trim()}");
            }

            Wall.Add(run.WallMs);
            Cpu.Add(run.CpuMs);
        }
    }
}

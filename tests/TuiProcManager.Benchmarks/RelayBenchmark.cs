using System.Globalization;

namespace TuiProcManager.Benchmarks;

/// <summary>
/// <c>tuiproc run --cmd 'seq 1 N'</c> as a line relay, against a Python line relay (python/line_relay.py)
/// and seq alone as the floor: N lines to /dev/null (wall, CPU, peak RSS); the same into a counting reader
/// in this process (did every line arrive, in order?); into a reader that starts 3 s late (what the relay
/// holds meanwhile); and ten workers of <c>seq 1 200000</c> at once into a counting reader. Rounds
/// interleaved, the order rotating each round; medians. Every count is read, never assumed: a relay that
/// drops lines shows it.
/// </summary>
internal static class RelayBenchmark
{
    private const int Workers = 10, PerWorker = 200_000;
    private static readonly TimeSpan ReaderDelay = TimeSpan.FromSeconds(3);

    public static Task<int> RunAsync(string[] args)
    {
        int rounds = Args.Int(args, "--rounds", 5);
        int lines = Args.Int(args, "--lines", 2_000_000);
        string n = lines.ToString(CultureInfo.InvariantCulture), each = PerWorker.ToString(CultureInfo.InvariantCulture);
        string[] python = [PythonSide.Interpreter, PythonSide.Script("line_relay.py")];
        string app = Args.String(args, "--tuiproc") ?? TuiprocRun.App; // another build, e.g. a NativeAOT publish
        string[] tuiproc = [app, "run"];
        Console.WriteLine($"relay: seq 1 {lines:#,0}, {rounds} rounds; {Environment.ProcessorCount} cores; tuiproc {app}; python {PythonSide.Interpreter} (PYTHONUNBUFFERED unset, and set on the unbuffered side)");
        Console.WriteLine("counting reader: this process, from a pipe; lines received are the numbers 1..max (tuiproc's closing Done! is not counted)");

        string[] floodOne = ["--cmd", $"seq 1 {n}"], floodTen = [.. Enumerable.Repeat<string[]>(["--cmd", $"seq 1 {each}"], Workers).SelectMany(a => a)];
        string late = $"reader {ReaderDelay.TotalSeconds:0} s late";
        (string Key, string Label, int Copies, Func<RelayResult> Run)[] sides =
        [
            ("python", "python line relay", 1, () => RelayRun.Run([.. python, n], null)),
            ("python unbuffered", "python line relay, PYTHONUNBUFFERED=1 (as this machine exports it)", 1, () => RelayRun.Run([.. python, n], null, unbufferedPython: true)),
            ("tuiproc", "`tuiproc run --cmd`", 1, () => RelayRun.Run([.. tuiproc, .. floodOne], null)),
            ("seq", "seq alone (the floor)", 1, () => RelayRun.Run(["seq", "1", n], null)),
            ("python counted", "python line relay", 1, () => RelayRun.Run([.. python, n], new SeqTally(lines))),
            ("tuiproc counted", "`tuiproc run --cmd`", 1, () => RelayRun.Run([.. tuiproc, .. floodOne], new SeqTally(lines))),
            ("seq counted", "seq alone", 1, () => RelayRun.Run(["seq", "1", n], new SeqTally(lines))),
            ("python late", $"python line relay, {late}", 1, () => RelayRun.Run([.. python, n], new SeqTally(lines), ReaderDelay)),
            ("tuiproc late", $"`tuiproc run --cmd`, {late}", 1, () => RelayRun.Run([.. tuiproc, .. floodOne], new SeqTally(lines), ReaderDelay)),
            ("python x10", $"python, {Workers} threads each relaying seq 1 {PerWorker:#,0}", Workers, () => RelayRun.Run([.. python, each, Workers.ToString(CultureInfo.InvariantCulture)], new SeqTally(PerWorker))),
            ("tuiproc x10", $"`tuiproc run`, {Workers} × --cmd 'seq 1 {PerWorker:#,0}'", Workers, () => RelayRun.Run([.. tuiproc, .. floodTen], new SeqTally(PerWorker))),
        ];
        sides = [.. sides.Where(s => PythonSide.Available || !s.Key.StartsWith("python", StringComparison.Ordinal))];

        // Untimed: the app's and Python's files into the page cache.
        _ = RelayRun.Run([.. tuiproc, "--cmd", "seq 1 1000"], null);
        _ = PythonSide.Available ? RelayRun.Run([.. python, "1000"], null) : null;
        Dictionary<string, List<RelayResult>> results = sides.ToDictionary(s => s.Key, _ => new List<RelayResult>());
        for (int r = 0; r < rounds; r++)
        {
            for (int i = 0; i < sides.Length; i++)
            {
                (string name, _, _, Func<RelayResult> run) = sides[(i + r) % sides.Length];
                results[name].Add(run());
            }

            Console.WriteLine($"  round {r + 1}: " + string.Join(", ", sides.Select(s => results[s.Key][^1] is var x && x.Tally is { } tally
                ? string.Create(CultureInfo.InvariantCulture, $"{s.Key} {x.WallSeconds:0.00} s {tally.Numbers:#,0} lines")
                : string.Create(CultureInfo.InvariantCulture, $"{s.Key} {x.WallSeconds:0.00} s"))));
        }

        Console.WriteLine();
        Console.WriteLine($"| `seq 1 {lines:#,0}` to /dev/null | wall s, median (min–max) | lines/s | CPU s, with seq | peak RSS MiB | / python (wall) |");
        Console.WriteLine("|---|---|---|---|---|---|");
        double pythonWall = PythonSide.Available ? Stats.Median(results["python"].Select(x => x.WallSeconds)) : double.NaN;
        foreach ((string key, string label, _, _) in sides.Where(s => results[s.Key].FirstOrDefault()?.Tally is null))
        {
            List<RelayResult> x = results[key];
            double wall = Stats.Median(x.Select(v => v.WallSeconds));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {label} | {Stats.MedianRange(x.Select(v => v.WallSeconds), "0.00")} | {lines / wall:#,0} | {Stats.MedianRange(x.Select(v => v.CpuSeconds), "0.00")} | {Stats.MedianRange(x.Select(v => v.PeakMib), "0.0")} | {wall / pythonWall:0.00} |"));
        }

        Console.WriteLine();
        Console.WriteLine("| into a counting reader | lines expected | wall s | peak RSS MiB | lines received | tuiproc said it dropped | every line, in order |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach ((string key, string label, int copies, _) in sides.Where(s => results[s.Key].FirstOrDefault()?.Tally is not null))
        {
            List<RelayResult> x = results[key];
            long expected = copies == 1 ? lines : (long)copies * PerWorker;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {label} | {expected:#,0} | {Stats.MedianRange(x.Select(v => v.WallSeconds), "0.00")} | {Stats.MedianRange(x.Select(v => v.PeakMib), "0.0")} | ") +
                $"{Stats.MedianRange(x.Select(v => (double)v.Tally!.Numbers), "#,0")} | {Stats.MedianRange(x.Select(v => (double)v.SaidDropped), "#,0")} | {Delivery(x, copies)} |");
        }

        Console.WriteLine();
        Console.WriteLine(PythonSide.Available
            ? string.Create(CultureInfo.InvariantCulture, $"tuiproc / python relay (wall) = {Stats.Median(results["tuiproc"].Select(x => x.WallSeconds)) / pythonWall:0.00}; / python relay with PYTHONUNBUFFERED=1 = {Stats.Median(results["tuiproc"].Select(x => x.WallSeconds)) / Stats.Median(results["python unbuffered"].Select(x => x.WallSeconds)):0.00} (target ≤ 0.50)")
            : "python3 not found: no comparison.");
        return Task.FromResult(0);
    }

    /// <summary>In how many rounds every line arrived, and whether those were in order (a round with lines missing cannot tell).</summary>
    private static string Delivery(List<RelayResult> runs, int copies)
    {
        int complete = runs.Count(x => x.Tally!.IsComplete(copies));
        int reordered = runs.Count(x => x.Tally!.IsComplete(copies) && x.Tally.OutOfOrder > 0);
        string order = complete == 0 ? "" : reordered > 0 ? $", {reordered} of them out of order" : ", in order";
        return $"{(complete == runs.Count ? "yes" : "no")}: {complete} of {runs.Count} rounds complete{order}";
    }
}

using System.Text.Json;
using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.Headless;

/// <summary>
/// Nothing lost: every line a worker writes reaches run's output and its events file, however slow or late
/// the reader, as in a shell pipeline. Real floods, real pipes, exact counts.
/// </summary>
public sealed class LosslessRunTests
{
    private const string TwoMillionAndDone = "(seq 1 2000000; echo Done!) | md5sum";

    [Fact]
    public async Task TwoMillionLines_IntoAFastReader_EveryLineInOrder_ThenDone()
    {
        // Pins: 1,873,492 of 2,000,000 lines arrived; the rest were dropped as "faster than this output could take them".
        (int code, string stdout, string stderr) = await Shell.RunAsync(
            $"$TP run --cmd 'seq 1 2000000' | md5sum; {TwoMillionAndDone}");

        Assert.True(code == 0, stderr);
        string[] sums = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(sums[1], sums[0]);
        Assert.Equal("", stderr);
    }

    [Fact]
    public async Task TwoMillionLines_IntoAReaderThatStartsThreeSecondsLate_EveryLine()
    {
        // Pins: 81,919 of 1,000,000 lines arrived; the worker was never held back, its lines were dropped.
        (int code, string stdout, string stderr) = await Shell.RunAsync(
            $"$TP run --cmd 'seq 1 2000000' | (sleep 3; md5sum); {TwoMillionAndDone}");

        Assert.True(code == 0, stderr);
        string[] sums = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(sums[1], sums[0]);
    }

    [Fact]
    public async Task TenWorkersFloodingAtOnce_EveryLineOfEach_InItsOrder_InTheOutputAndTheEventsFile()
    {
        using TempFile events = new(".jsonl");
        string commands = string.Concat(Enumerable.Repeat(" --cmd 'seq 1 100000'", 10));
        (int code, string stdout, string stderr) = await Shell.RunAsync(
            $"$TP run --events {events.Path}{commands} | (sleep 1; sort -n | uniq -c | awk '{{print $1}}' | sort | uniq -c)");

        Assert.True(code == 0, stderr);
        // Every number 1..100,000 ten times (one per worker), and Done! once.
        Assert.Equal(["100000 10", "1 1"], stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries))).Order(StringComparer.Ordinal).Reverse());
        List<JsonElement> all = Tuiproc.ReadEvents(events.Path);
        Assert.DoesNotContain(all, e => e.GetProperty("type").GetString() == "eventsDropped");
        for (int worker = 1; worker <= 10; worker++)
        {
            string[] texts = [.. all.Where(e => e.GetProperty("type").GetString() == "output" && e.GetProperty("worker").GetInt32() == worker).Select(e => e.GetProperty("text").GetString()!)];
            Assert.True(Enumerable.Range(1, 100_000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).SequenceEqual(texts), $"worker {worker}: {texts.Length} lines, not 1..100000 in order");
        }
    }

    [Fact]
    public async Task ReaderClosesEarly_RunEndsAsAFilterDoes_Exit141_SaidOnce_TheWorkerStopped()
    {
        // Pins: `tuiproc run --cmd yes | head -2` never ended; it printed "N output lines … were dropped" until killed.
        using TempFile events = new(".jsonl");
        (_, string stdout, string stderr) = await Shell.RunAsync(
            $"$TP run --events {events.Path} --cmd yes | head -2; echo \"exit ${{PIPESTATUS[0]}}\"", TimeSpan.FromSeconds(30));

        Assert.Equal(["y", "y", "exit 141"], stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(1, Occurrences(stderr, "was closed by its reader"));
        Assert.DoesNotContain("dropped", stderr, StringComparison.Ordinal);
        int[] pids = Tuiproc.ReportedPids(events.Path);
        Assert.NotEmpty(pids);
        Assert.All(pids, pid => Assert.False(Tuiproc.IsAlive(pid), $"yes ({pid}) still running"));
    }

    [Fact]
    public async Task OneFlooder_AndOneQuietWorker_IntoASlowReader_OnlyTheFlooderIsHeld_AndEveryLineOfBothArrives()
    {
        using TempFile events = new(".jsonl");
        (int code, string stdout, string stderr) = await Shell.RunAsync(
            $"$TP run --events {events.Path} --cmd 'seq 1 500000' --cmd 'sh -c \"for i in 1 2 3 4 5 6 7 8 9 10; do echo quiet $i; sleep 0.1; done\"' | (sleep 2; grep -c -v quiet)");

        Assert.True(code == 0, stderr);
        List<JsonElement> all = Tuiproc.ReadEvents(events.Path);
        JsonElement[] held = [.. all.Where(e => e.GetProperty("type").GetString() == "outputHeld")];
        Assert.Contains(held, e => e.GetProperty("worker").GetInt32() == 1 && e.GetProperty("held").GetBoolean() && e.GetProperty("by").GetString() == "stdout");
        Assert.DoesNotContain(held, e => e.GetProperty("worker").GetInt32() == 2);
        string[] quiet = [.. all.Where(e => e.GetProperty("type").GetString() == "output" && e.GetProperty("worker").GetInt32() == 2).Select(e => e.GetProperty("text").GetString()!)];
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"quiet {i}"), quiet);
        Assert.Equal(500_010, all.Count(e => e.GetProperty("type").GetString() == "output"));
        Assert.Equal("500001", stdout.Trim()); // 500,000 numbers and Done!, besides the quiet lines
    }

    private static int Occurrences(string text, string what) => (text.Length - text.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;
}

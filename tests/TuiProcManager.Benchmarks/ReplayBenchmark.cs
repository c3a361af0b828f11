using System.Diagnostics;
using System.Globalization;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Workers;
using TuiProcManager.Sessions.Recording;

namespace TuiProcManager.Benchmarks;

/// <summary>
/// The replay's goals as a user meets them: <c>tuiproc replay DIR</c> (<see cref="AppUnderTest"/>: the native
/// build) in a real terminal, over the recording <see cref="RecordingBenchmark"/> wrote. Open: from the
/// launch to the first moment on screen. Seek: from a key (End, or ← or → paused, each 10 s; after a jump of
/// several ← at once, not measured, to reach other places) to the screen showing the last line worker 1
/// printed before the new moment, read from the recording here. Memory: the replay's peak resident
/// memory (VmHWM) after every seek.
/// </summary>
internal static class ReplayBenchmark
{
    public static void Run(string directory, int seeks, int rounds, IReadOnlyList<string> environment)
    {
        RecordingReader reader = RecordingReader.Open(directory, out string? refusal) ?? throw new InvalidOperationException(refusal);
        List<OutputLine> lines = [.. reader.EventsAfter(0).OfType<OutputLine>().Where(l => l.Worker == new WorkerId(1))];
        DateTimeOffset[] times = [.. lines.Select(l => l.Time)];
        Console.WriteLine($"replay in a terminal ({AppUnderTest.Path}{(environment.Count > 0 ? " with " + string.Join(' ', environment) : "")}), {seeks} seeks a round:");
        for (int round = 1; round <= rounds; round++)
        {
            Round(directory, reader, lines, times, seeks, new Random(round), environment);
        }
    }

    private static void Round(string directory, RecordingReader reader, List<OutputLine> lines, DateTimeOffset[] times, int seeks, Random random, IReadOnlyList<string> environment)
    {
        using TmuxSession replay = TmuxSession.Tuiproc(["replay", directory], width: 160, height: 50, environment);
        Require(replay.WaitUntil(s => s.Contains("10 workers", StringComparison.Ordinal), TimeSpan.FromSeconds(30)), replay, "the first moment");
        double open = Stopwatch.GetElapsedTime(replay.Started).TotalMilliseconds;
        replay.Keys("Space");
        Require(replay.WaitUntil(s => s.Contains("paused", StringComparison.Ordinal), TimeSpan.FromSeconds(10)), replay, "paused");

        DateTimeOffset at = reader.StartTime; // paused within a second of the start: the first seek is End, which sets it
        List<double> seekTimes = [];
        for (int i = 0; i < seeks; i++)
        {
            string key;
            if (i % 4 == 0)
            {
                (key, at) = ("End", reader.EndTime);
            }
            else
            {
                if (i % 4 == 1)
                {
                    int back = random.Next(20, 300); // elsewhere in the hour, not measured
                    replay.Keys([.. Enumerable.Repeat("Left", back)]);
                    at = Clamp(reader, at - TimeSpan.FromSeconds(10 * back));
                    Require(replay.WaitUntil(s => s.Contains(LastLine(lines, times, at), StringComparison.Ordinal), TimeSpan.FromSeconds(30)), replay, "a jump");
                }

                bool left = random.Next(2) == 0;
                (key, at) = (left ? "Left" : "Right", Clamp(reader, at + TimeSpan.FromSeconds(left ? -10 : 10)));
            }

            string expected = LastLine(lines, times, at);
            long sent = Stopwatch.GetTimestamp();
            replay.Keys(key);
            Require(replay.WaitUntil(s => s.Contains(expected, StringComparison.Ordinal), TimeSpan.FromSeconds(30)), replay, $"{key} to {at:HH:mm:ss}: {expected}");
            seekTimes.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
        }

        // The same path for a key that seeks nothing: [ and ] only redraw the header's speed. What a seek adds is
        // the difference.
        List<double> plain = [];
        for (int i = 0; i < 10; i++)
        {
            string key = i % 2 == 0 ? "]" : "[";
            string speed = i % 2 == 0 ? "(×2;" : "(×1;";
            long sent = Stopwatch.GetTimestamp();
            replay.Keys(key);
            Require(replay.WaitUntil(s => s.Contains(speed, StringComparison.Ordinal), TimeSpan.FromSeconds(10)), replay, "the speed " + speed);
            plain.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
        }

        long hwm = ProcStat.StatusKib(replay.Pid, "VmHWM");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  open to the first moment {open:0} ms; seek median {Stats.Median(seekTimes):0} ms, worst {Stats.Max(seekTimes):0} ms (screen read every 10 ms); a key that seeks nothing ([ ]) {Stats.Median(plain):0} ms median, {Stats.Max(plain):0} ms worst; VmHWM {hwm / 1024.0:0.0} MiB, {ProcStat.StatusKib(replay.Pid, "VmRSS") / 1024.0:0.0} MiB resident at the end"));
    }

    private static DateTimeOffset Clamp(RecordingReader reader, DateTimeOffset at) =>
        at < reader.StartTime ? reader.StartTime : at > reader.EndTime ? reader.EndTime : at;

    /// <summary>The text of worker 1's last line at or before <paramref name="at"/>: the newest line its output panel shows then (the benchmark's times only grow).</summary>
    private static string LastLine(List<OutputLine> lines, DateTimeOffset[] times, DateTimeOffset at)
    {
        int i = Array.BinarySearch(times, at);
        return lines[Math.Max(0, i >= 0 ? i : ~i - 1)].Text;
    }

    private static void Require(bool shown, TmuxSession replay, string what)
    {
        if (!shown)
        {
            throw new InvalidOperationException($"the replay did not show {what}:\n{replay.Screen()}");
        }
    }
}

using System.Diagnostics;
using System.Text.Json;
using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.EndToEnd;

/// <summary>
/// The UI under stress, in a real terminal: an events file that is complete whatever a worker floods,
/// keys answered meanwhile, and a stopped fork server that holds up nothing but the spawn that meets it.
/// </summary>
public sealed class UiLosslessTests
{
    [Fact]
    public void YesFlood_WithAnEventsFile_KeysAreAnswered_AndTheFileHasEveryLine()
    {
        // Pins: the UI's --events file kept 86,926 of 300,000 lines; the screen may skip lines, a record may not.
        using TempFile events = new(".jsonl");
        using TmuxApp app = TmuxApp.Start(["--events", events.Path, "--cmd", "yes"], width: 160, height: 40);
        int yes = app.PidOf("yes");
        Thread.Sleep(1500);

        Stopwatch key = Stopwatch.StartNew();
        app.Keys("?");
        app.WaitFor("tuiproc keys", TimeSpan.FromSeconds(10));
        TimeSpan answered = key.Elapsed;
        app.Keys("Escape");
        app.WaitUntil(s => !s.Contains("tuiproc keys", StringComparison.Ordinal), "the help closed");
        Thread.Sleep(2000); // five seconds of yes in all

        app.Keys("k");
        Until(() => !Tuiproc.IsAlive(yes), "yes terminated");
        app.WaitFor("1 worker: 0 running 0 waiting 0 done 1 failed", TimeSpan.FromSeconds(60)); // killed by SIGTERM
        app.Keys("q");
        Assert.Equal(0, app.WaitForExit());

        Assert.True(answered < TimeSpan.FromSeconds(2), $"? answered after {answered.TotalMilliseconds:0} ms during the flood");
        (long lines, bool dropped, bool ended) = ReadRecord(events.Path);
        Assert.True(lines > 100_000, $"{lines} lines in five seconds of yes");
        Assert.False(dropped, "an eventsDropped event: the record has a hole");
        Assert.True(ended, "no end of the worker after its last line");
    }

    [Fact]
    public void EventsFifoReadLate_TheFloodingWorkerShowsHeld_ThenEveryLineReachesTheReader()
    {
        // A reader that takes its time (here: opens the FIFO, then sleeps 4 s): the worker waits for it, and
        // the process table says why, so that nobody takes it for hung.
        using SpecialFiles dir = new();
        string fifo = dir.Fifo("events", UnixFileMode.UserRead | UnixFileMode.UserWrite);
        string copy = dir.PathOf("copy.jsonl");
        using Process reader = Process.Start("python3", ["-c", "import sys, time; f = open(sys.argv[1], 'rb'); time.sleep(4); open(sys.argv[2], 'wb').write(f.read())", fifo, copy])!;
        using KillOnDispose readerGuard = new(reader); // should the app never open the FIFO, the reader would wait in open() for ever
        using TmuxApp app = TmuxApp.Start(["--events", fifo, "--cmd", "seq 1 300000"], width: 160, height: 40);

        app.WaitUntil(s => Row(s, "seq 1 300000").Contains(" held", StringComparison.Ordinal), "the worker's row saying held");
        // Why, in the transitions, while it is held: the newest line then. (Looked for only at the end, it could
        // already have scrolled out of the panel's three transition rows under later ones.)
        app.WaitFor("output held: the events file");
        app.WaitFor("1 worker: 0 running 0 waiting 1 done", TimeSpan.FromSeconds(60)); // the reader caught up
        app.WaitUntil(s => !Row(s, "seq 1 300000").Contains(" held", StringComparison.Ordinal), "the row no longer saying held");
        app.Keys("q");
        Assert.Equal(0, app.WaitForExit());
        Assert.True(reader.WaitForExit(TimeSpan.FromSeconds(30)), "the reader did not see the end of the file");

        (long lines, bool dropped, _) = ReadRecord(copy, "1", count: true);
        Assert.Equal(300_000, lines);
        Assert.False(dropped);
        Assert.Contains("\"type\":\"outputHeld\"", File.ReadAllText(copy), StringComparison.Ordinal);
    }

    [Fact]
    public void EventsFileOnAFullDisk_TheHeaderSaysSo_TheWorkersGoOn_AndTheExitCodeSaysTheRecordIsIncomplete()
    {
        using TmuxApp app = TmuxApp.Start(["--events", "/dev/full", "--steps", "3", "--work-ms", "50", "--wait-ms", "100", "square:10"], width: 160, height: 40);

        app.WaitFor("cannot write the events file /dev/full: No space left on device");
        app.WaitFor("1 worker: 0 running 0 waiting 1 done", TimeSpan.FromSeconds(30)); // it went on to its end
        Assert.Contains("Square: 100", app.Screen(), StringComparison.Ordinal);
        app.Keys("q");

        Assert.Equal(3, app.WaitForExit());
    }

    [Fact]
    public void ForkServerStopped_KeysAreAnsweredWhileASpawnWaits_ThenItStartsAndSaysWhy()
    {
        // Pins: Spawn called the launcher under the supervisor's lock: a stopped fork server froze the screen
        // and every key for its 5 s reply timeout.
        using TmuxApp app = TmuxApp.Start(["square:2"], width: 180, height: 45);
        app.WaitFor("1 done");
        int? server = app.Descendants().Cast<int?>().FirstOrDefault(pid => CommandLine(pid!.Value).Contains("--fork-server", StringComparison.Ordinal));
        if (server is null)
        {
            // A JIT worker build is never forked (unsafe), so there is no fork server to stop.
            Assert.False(WorkerIsNativeAot(), "a NativeAOT worker, yet no fork server under tuiproc");
            return;
        }

        Tuiproc.Signal(server.Value, 19); // SIGSTOP
        app.Keys("s");
        app.WaitFor("Spawn square N");
        app.Keys("Enter");
        app.WaitFor("spawned 2"); // the dialog has closed: the worker has its ID, its process is being started
        Stopwatch waiting = Stopwatch.StartNew();
        app.Keys("?");
        app.WaitFor("tuiproc keys", TimeSpan.FromSeconds(3));
        TimeSpan answered = waiting.Elapsed;
        app.Keys("Escape");

        string screen = app.WaitFor("posix_spawn", TimeSpan.FromSeconds(20));
        Assert.True(answered < TimeSpan.FromSeconds(2), $"? answered after {answered.TotalMilliseconds:0} ms while the spawn waited");
        Assert.Contains("stopped answering", screen, StringComparison.Ordinal);
        int square = app.PidOf("square 10");
        Assert.True(Tuiproc.IsAlive(square));
        IReadOnlyList<int> all = app.Descendants();

        app.Keys("C-c");
        Assert.Equal(130, app.WaitForExit());
        Until(() => all.All(pid => !Tuiproc.IsAlive(pid)) && !Tuiproc.IsAlive(server.Value), "every process tuiproc started gone, the stopped server too");
    }

    /// <summary>
    /// Reads a large events file a line at a time, without parsing JSON (millions of lines): the output lines'
    /// numbers must run 1, 2, 3… without a gap (their text <paramref name="text"/>, or counting up from 1 when
    /// <paramref name="count"/>); whether any events were dropped; whether the worker's end came after its last line.
    /// </summary>
    private static (long Lines, bool Dropped, bool EndedAfterLastLine) ReadRecord(string path, string text = "y", bool count = false)
    {
        long expected = 1;
        bool dropped = false, ended = false;
        foreach (string line in File.ReadLines(path))
        {
            string type = Field(line, "\"type\":\"", '"');
            ended = type == "ended" || (ended && type != "output");
            if (type == "output")
            {
                Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), Field(line, "\"number\":", ','));
                Assert.Equal(count ? expected.ToString(System.Globalization.CultureInfo.InvariantCulture) : text, Field(line, "\"text\":\"", '"'));
                expected++;
            }

            dropped |= type == "eventsDropped";
        }

        return (expected - 1, dropped, ended);
    }

    /// <summary>The process table's row of <paramref name="name"/> ("" while there is none).</summary>
    private static string Row(string screen, string name) =>
        screen.Split('\n').FirstOrDefault(l => l.Contains("│" + name, StringComparison.Ordinal)) ?? "";

    private static string Field(string line, string after, char end)
    {
        int start = line.IndexOf(after, StringComparison.Ordinal) + after.Length;
        return line[start..line.IndexOf(end, start)];
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }

    private static bool WorkerIsNativeAot() =>
        !File.Exists(Path.Combine(AppContext.BaseDirectory, "worker", "tuiproc-worker.dll"));

    private static void Until(Func<bool> condition, string what)
    {
        Stopwatch watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < TmuxApp.Bound, "timed out waiting: " + what);
            Thread.Sleep(20);
        }
    }

    /// <summary>Kills a helper process the test started if it is still running when the test ends.</summary>
    private sealed class KillOnDispose(Process process) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill();
                }
            }
            catch (InvalidOperationException)
            {
                // it ended meanwhile
            }
        }
    }
}

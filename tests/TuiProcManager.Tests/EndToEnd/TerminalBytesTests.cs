using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.EndToEnd;

/// <summary>
/// What the app sends to its terminal, which is what a slow SSH link pays for. Pins: with Terminal.Gui
/// 2.5.0's output each new line of a worker re-sent the whole Output panel (two workers printing 10 lines a
/// second cost 12.5 KB/s at 120×35, mprocs 5.8 KB/s); with two sleeping workers the screen still sent
/// about 100 bytes a second (a ticking UP column, the machine meters' noise), mprocs none.
/// </summary>
public sealed partial class TerminalBytesTests
{
    private const string Worker = """
        import hashlib, sys, time
        for i in range(1, 100000):
            print(f"line {i} {hashlib.sha256(str(i).encode()).hexdigest()[:48]}", flush=True)
            time.sleep(0.1)
        """;

    [Fact]
    public void NewOutputLines_AreScrolledIntoThePanel_NotRepainted_AndTheScreenShowsThemInOrder()
    {
        using TempFile script = new(".py", Worker);
        using TempFile sent = new(".out");
        using TmuxApp app = TmuxApp.Start(["--cmd", "python3 " + script.Path], width: 120, height: 35);
        app.WaitUntil(s => LastLine(s) >= 20, "20 lines in the Output panel");

        app.PipeOutputTo(sent.Path);
        int first = LastLine(app.Screen());
        Stopwatch watch = Stopwatch.StartNew();
        Thread.Sleep(TimeSpan.FromSeconds(4));
        app.StopPipe();
        double seconds = watch.Elapsed.TotalSeconds;
        string screen = app.Screen();
        int lines = LastLine(screen) - first;
        Thread.Sleep(300); // the pipe's cat writes what it still holds
        byte[] bytes = File.ReadAllBytes(sent.Path);

        // Every line is different (a hash), so only a scroll keeps it to the new line and the counts that
        // changed; a repaint of the panel is about 1,600 bytes a frame.
        Assert.True(lines >= 20, $"{lines} lines in {seconds:0.0} s");
        Assert.Contains("\u001b[1S", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.True(bytes.Length / (double)lines < 400, $"{bytes.Length} bytes for {lines} lines ({bytes.Length / (double)lines:0} a line)");

        // What the terminal shows after all those scrolls is the tail, in order, each line whole.
        int[] shown = [.. ShownLines().Matches(screen).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];
        Assert.True(shown.Length >= 5, screen);
        Assert.Equal(Enumerable.Range(shown[0], shown.Length), shown);
        foreach (Match m in ShownLines().Matches(screen))
        {
            string hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(m.Groups[1].Value)))[..48];
            Assert.Equal(hash, m.Groups[2].Value);
        }
    }

    [Fact]
    public void SleepingWorkers_NothingButTheMachineMetersIsSent()
    {
        using TempFile sent = new(".out");
        using TmuxApp app = TmuxApp.Start(["--cmd", "sleep 100000", "--cmd", "sleep 100000"], width: 100, height: 30);
        // Each lane starts with a starting and a running cell, which move left every 250 ms until they have
        // left the lane: from then on the lanes look the same whatever the time.
        app.WaitUntil(s => FullWaitingLane(1).IsMatch(s) && FullWaitingLane(2).IsMatch(s), "both lanes all waiting", TimeSpan.FromSeconds(60));

        app.PipeOutputTo(sent.Path);
        Thread.Sleep(TimeSpan.FromSeconds(4));
        app.StopPipe();
        Thread.Sleep(300); // the pipe's cat writes what it still holds
        string screen = app.Screen();
        string bytes = File.ReadAllText(sent.Path);

        // The meters may move (the machine is busy with other tests): they are the only rows written.
        string[] rows = screen.Split('\n');
        int[] meters = [.. Enumerable.Range(1, rows.Length).Where(r => Meter().IsMatch(rows[r - 1]))];
        Assert.Equal(2, meters.Length);
        int[] written = [.. CursorMoves().Matches(bytes).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct()];
        Assert.True(written.All(meters.Contains), $"rows {string.Join(", ", written)} written, meters on {string.Join(", ", meters)}:\n{screen}");
    }

    private static Regex FullWaitingLane(int worker) => new($"│{worker} sleep 100000 *│─+│");

    [GeneratedRegex(@"cpu\d ")]
    private static partial Regex Meter();

    [GeneratedRegex(@"\u001b\[(\d+);\d+H")]
    private static partial Regex CursorMoves();

    private static int LastLine(string screen) =>
        ShownLines().Matches(screen).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();

    [GeneratedRegex(@"│  line (\d+) ([0-9a-f]{48}) +│")]
    private static partial Regex ShownLines();
}

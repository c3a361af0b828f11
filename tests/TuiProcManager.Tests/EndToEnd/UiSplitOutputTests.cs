using System.Globalization;
using System.Text.RegularExpressions;
using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.EndToEnd;

/// <summary>
/// The split output view, the stream filter and the timestamps in the real app in a real terminal (tmux),
/// with two real workers flooding their pipes: each pane keeps up with its own worker.
/// </summary>
public sealed partial class UiSplitOutputTests
{
    [Fact]
    public void TwoFloodingWorkers_InASplit_EachPaneFollowsItsOwn_FilterAndTimestampsShowInBoth()
    {
        DirectoryInfo scripts = Directory.CreateTempSubdirectory("tuiproc-split-");
        try
        {
            string script = Path.Combine(scripts.FullName, "f.sh");

            // Numbered lines as fast as bash writes them, every fifth on stderr; builtins only, so that no child
            // process gets a row of its own under the worker (Down must reach the second worker).
            File.WriteAllText(script, "i=0; while :; do i=$((i+1)); if [ $((i % 5)) = 0 ]; then echo \"$1-err $i\" >&2; else echo \"$1 $i\"; fi; done\n");
            using TmuxApp app = TmuxApp.Start(["--cmd", $"bash {script} alpha", "--cmd", $"bash {script} beta"], width: 120, height: 30);
            SplitFilterTimestamps(app);
        }
        finally
        {
            scripts.Delete(recursive: true);
        }
    }

    private static void SplitFilterTimestamps(TmuxApp app)
    {
        app.WaitFor("f.sh beta");
        app.Keys("Home", "b", "Down", "b"); // alpha into the split, then beta
        string screen = app.WaitUntil(s => s.Contains("┤2 bash", StringComparison.Ordinal) && s.Contains("┤1 bash", StringComparison.Ordinal), "two panes titled with their workers");

        (long alpha, long beta) = Latest(screen);
        Assert.True(alpha > 0 && beta > 0, screen);
        app.WaitUntil(s => Latest(s) is var now && now.Alpha > alpha + 500 && now.Beta > beta + 500, "both panes' last lines advancing");

        app.Keys("f"); // stdout only
        app.WaitUntil(s => s.Contains("stdout only", StringComparison.Ordinal) && !OutputRows(s).Any(r => r.Contains("-err", StringComparison.Ordinal)) && Latest(s).Alpha > 0,
            "no stderr line in either pane");
        app.Keys("f"); // stderr only
        app.WaitUntil(s => s.Contains("stderr only", StringComparison.Ordinal) && OutputRows(s).All(r => r.Contains("-err", StringComparison.Ordinal))
            && OutputRows(s).Any(r => r.Contains("alpha-err", StringComparison.Ordinal)) && OutputRows(s).Any(r => r.Contains("beta-err", StringComparison.Ordinal)),
            "only stderr lines, in both panes");

        app.Keys("F");
        string timed = app.WaitUntil(s => s.Contains("with the time it was read", StringComparison.Ordinal) && OutputRows(s).Any(r => TimeThenLine().IsMatch(r)), "a line with its time");
        Match time = OutputRows(timed).Select(r => TimeThenLine().Match(r)).First(m => m.Success);
        TimeSpan shown = TimeSpan.ParseExact(time.Groups["time"].Value, @"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture);
        TimeSpan off = (DateTime.Now.TimeOfDay - shown).Duration();
        Assert.True(off < TimeSpan.FromMinutes(1) || off > TimeSpan.FromHours(23.9), $"{time.Value}: the local time of the read, not {DateTime.Now:HH:mm:ss}");

        app.Keys("q");
        app.WaitFor("still alive");
        app.Keys("y");
        Assert.Equal(0, app.WaitForExit());
    }

    /// <summary>The latest line number of alpha in the left pane and of beta in the right one.</summary>
    private static (long Alpha, long Beta) Latest(string screen)
    {
        long alpha = 0, beta = 0;
        foreach (string row in OutputRows(screen))
        {
            string left = row[..Math.Min(60, row.Length)], right = row.Length > 60 ? row[60..] : "";
            alpha = Math.Max(alpha, Numbers(left, "alpha").DefaultIfEmpty().Max());
            beta = Math.Max(beta, Numbers(right, "beta").DefaultIfEmpty().Max());
            Assert.DoesNotContain("beta", left, StringComparison.Ordinal); // each pane shows its own worker only
            Assert.DoesNotContain("alpha", right, StringComparison.Ordinal);
        }

        return (alpha, beta);
    }

    private static IEnumerable<long> Numbers(string text, string worker) =>
        Regex.Matches(text, worker + @"(?:-err)? (\d+)").Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));

    /// <summary>The rows inside the split's panes: below their titles, above the key line.</summary>
    private static string[] OutputRows(string screen)
    {
        string[] rows = screen.Split('\n');
        int title = Array.FindIndex(rows, r => r.Contains("┤1 bash", StringComparison.Ordinal));
        return title < 0 ? [] : [.. rows.Skip(title + 1).TakeWhile(r => !r.StartsWith('└')).Where(r => r.Trim('│', ' ').Length > 0)];
    }

    [GeneratedRegex(@"│(?<time>\d\d:\d\d:\d\d\.\d\d\d) ! (alpha|beta)-err \d+")]
    private static partial Regex TimeThenLine();
}

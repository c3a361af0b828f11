using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TuiProcManager.Tests.TestSupport;

/// <summary>
/// A student at the keyboard in <c>tuiproc lab N</c>, in a real terminal (tmux): keys in, the lab
/// panel's progress read back from the screen. Every lab run records its events (<c>--events</c>), so
/// that the same run can then be graded headless with <c>--check</c>.
/// </summary>
internal sealed class LabDriver : IDisposable
{
    private static readonly string[] Clear = [.. Enumerable.Repeat("BSpace", 8)];

    private LabDriver(string lab, int steps, TmuxApp app, string events)
    {
        Lab = lab;
        Steps = steps;
        App = app;
        Events = events;
    }

    public string Lab { get; }

    public int Steps { get; }

    public TmuxApp App { get; }

    /// <summary>The run's --events file.</summary>
    public string Events { get; }

    /// <summary>Opens <c>tuiproc lab LAB --events FILE ARGS</c> in a 100×30 terminal.</summary>
    public static LabDriver Open(string lab, int steps, params string[] args)
    {
        string events = Path.Combine(Path.GetTempPath(), $"tuiproc-lab{lab}-{Guid.NewGuid():N}.jsonl");
        TmuxApp app = TmuxApp.Start(["lab", lab, "--events", events, .. args], waitFor: $"Lab {lab} · ");
        return new LabDriver(lab, steps, app, events);
    }

    /// <summary>Waits until the lab panel says <paramref name="done"/> steps are done.</summary>
    public string Done(int done, int seconds = 60) =>
        App.WaitFor(string.Create(CultureInfo.InvariantCulture, $"Lab {Lab} · {done} of {Steps}"), TimeSpan.FromSeconds(seconds));

    /// <summary>Presses a, types <paramref name="answer"/>, Enter; returns the screen after it (the dialog closed or not).</summary>
    public void Answer(string answer)
    {
        App.Keys("a");
        App.WaitFor("Answer: ");
        App.Keys(answer, "Enter");
    }

    /// <summary>Opens the spawn dialog with <paramref name="key"/> (s or c) and starts a worker, N and steps typed if given.</summary>
    /// <param name="key">s or c.</param>
    /// <param name="n">N, or the dialog's default.</param>
    /// <param name="steps">Its steps, or the default.</param>
    public void Spawn(string key, string? n = null, string? steps = null)
    {
        string title = key == "s" ? "Spawn square N" : "Spawn cube N";
        App.Keys(key);
        App.WaitFor(title);
        if (n is not null)
        {
            App.Keys(["End", .. Clear, n]);
        }

        if (steps is not null)
        {
            App.Keys(["Tab", "End", .. Clear, steps]);
        }

        App.Keys("Enter");
        App.WaitUntil(s => !s.Contains(title, StringComparison.Ordinal), "the spawn dialog closed"); // a key sent sooner could go to it
    }

    /// <summary>q with nothing alive: the app exits 0 and every process it started is gone.</summary>
    public void Quit()
    {
        IReadOnlyList<int> all = App.Descendants();
        App.Keys("q");
        Assert.Equal(0, App.WaitForExit());
        Until(() => all.All(pid => !Tuiproc.IsAlive(pid)), "every process tuiproc started gone after q");
    }

    /// <summary>Waits (bounded) until <paramref name="condition"/> holds.</summary>
    public static void Until(Func<bool> condition, string what) =>
        Tuiproc.UntilAsync(condition, what).GetAwaiter().GetResult();

    /// <summary>
    /// After <see cref="Quit"/>: replays the session's flight recording (<c>tuiproc replay DIR --speed
    /// SPEED</c>) in a new terminal, and checks that the lab panel reaches each count of steps done at the
    /// recorded time the session's server ticked it (the saved progress's doneAt), never earlier and at most
    /// a few seconds later (the header's clock shows whole seconds, the screen is read every 50 ms, and the
    /// lab panel looks at the clock every 100 ms: at ×4, that is under 3 recorded seconds).
    /// </summary>
    public void Replayed(int speed = 4)
    {
        using JsonDocument progress = JsonDocument.Parse(File.ReadAllText(Path.Combine(App.StateHome, "tuiproc", "labs", Lab + ".json")));
        DateTimeOffset[] doneAt = [.. progress.RootElement.GetProperty("steps").EnumerateObject()
            .Select(s => s.Value.TryGetProperty("doneAt", out JsonElement at) && at.ValueKind == JsonValueKind.String ? at.GetDateTimeOffset() : (DateTimeOffset?)null)
            .OfType<DateTimeOffset>().Order()];
        Assert.Equal(Steps, doneAt.Length);
        string recording = Assert.Single(Directory.GetDirectories(Path.Combine(App.StateHome, "tuiproc", "sessions")));

        App.StartAnother(["replay", recording, "--speed", speed.ToString(CultureInfo.InvariantCulture)], waitFor: "replay of");
        Regex clock = new(@"replay of \S+ (\d\d:\d\d:\d\d) \(");
        Regex steps = new(@"Lab " + Regex.Escape(Lab) + @" · (\d+) of " + Steps.ToString(CultureInfo.InvariantCulture));
        Dictionary<int, TimeSpan> firstShown = [];
        int last = 0;
        System.Diagnostics.Stopwatch watch = System.Diagnostics.Stopwatch.StartNew();
        TimeSpan bound = TimeSpan.FromSeconds(30) + (doneAt[^1] - doneAt[0]) / speed;
        string screen = "";
        while (last < Steps && watch.Elapsed < bound)
        {
            screen = App.Screen();
            if (clock.Match(screen) is { Success: true } c && steps.Match(screen) is { Success: true } s)
            {
                int shown = int.Parse(s.Groups[1].Value, CultureInfo.InvariantCulture);
                Assert.True(shown >= last, $"the replay's lab panel went back from {last} to {shown} steps done while playing:\n{screen}");
                for (int k = last + 1; k <= shown; k++)
                {
                    firstShown[k] = TimeSpan.ParseExact(c.Groups[1].Value, @"hh\:mm\:ss", CultureInfo.InvariantCulture);
                }

                last = shown;
            }

            Thread.Sleep(50);
        }

        Assert.True(last == Steps, $"the replay did not reach {Steps} steps done within {bound.TotalSeconds:0} s:\n{screen}");
        foreach ((int k, TimeSpan shown) in firstShown.Where(f => f.Key > 0))
        {
            TimeSpan recorded = doneAt[k - 1].ToLocalTime().TimeOfDay;
            double late = ((shown - recorded).TotalSeconds + 86_400 * 1.5) % 86_400 - 43_200; // across midnight too
            Assert.True(late is >= -1 and <= 3, $"step count {k}: the replay showed it at {shown:hh\\:mm\\:ss}, the session ticked it at {recorded:hh\\:mm\\:ss\\.fff}");
        }

        App.Keys("q");
        Assert.Equal(0, App.WaitForExit());
    }

    /// <summary>The recorded run graded headless: <c>tuiproc lab N --check FILE</c>.</summary>
    public (int Code, string Stdout, string Stderr) Check() =>
        Tuiproc.RunAsync("lab", Lab, "--check", Events).GetAwaiter().GetResult();

    public void Dispose()
    {
        App.Dispose();
        File.Delete(Events);
    }
}

using System.Globalization;

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

    /// <summary>The recorded run graded headless: <c>tuiproc lab N --check FILE</c>.</summary>
    public (int Code, string Stdout, string Stderr) Check() =>
        Tuiproc.RunAsync("lab", Lab, "--check", Events).GetAwaiter().GetResult();

    public void Dispose()
    {
        App.Dispose();
        File.Delete(Events);
    }
}

using System.Diagnostics;
using System.Globalization;
using TuiProcManager.Tests.Headless;
using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.EndToEnd;

/// <summary>
/// In the real app in a real terminal (tmux): strays that cleared their environment and left the session
/// survive no SIGKILL of the session server (the supervisor's process, which the UI started); a
/// double-forked daemon, re-parented to the server, is shown under its worker while it lives.
/// </summary>
public sealed class UiStraysTests
{
    [Fact]
    public async Task SessionServer_KilledWithSigkill_StraysThatClearedTheirEnvironment_AttachedOrAdopted_AreGone()
    {
        string attached = Tag(), adopted = Tag();
        using TempFile script = new(".sh", string.Join('\n',
            $"env -i setsid bash -c 'exec sleep {attached}' &", // below its worker, without the mark, in a session of its own
            $"(env -i setsid bash -c 'exec sleep {adopted}' &)", // re-parented to the session server at once
            "sleep 1000") + "\n");
        using TmuxApp app = TmuxApp.Start(["--cmd", $"bash {script.Path}"]);
        int server = app.SessionServer;
        int[] strays = [];
        await Tuiproc.UntilAsync(
            () => (strays = [.. StraysAfterSigkillTests.WithArgument(attached), .. StraysAfterSigkillTests.WithArgument(adopted)]).Length == 2
                && StraysAfterSigkillTests.WithArgument(adopted).All(pid => StraysAfterSigkillTests.ParentOf(pid) == server),
            "both strays running, one re-parented to the session server");
        await Task.Delay(2500); // the next resource sample (once a second) tells the guard about the adopted one

        Stopwatch clock = Stopwatch.StartNew();
        Tuiproc.Signal(server, 9);
        while (strays.Any(Tuiproc.IsAlive) && clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(5);
        }

        try
        {
            Assert.False(strays.Any(Tuiproc.IsAlive), $"a stray is still there {clock.Elapsed.TotalMilliseconds:F0} ms after the session server's SIGKILL");
        }
        finally
        {
            foreach (int pid in strays)
            {
                _ = Tuiproc.TryKill(pid);
            }
        }
    }

    [Fact]
    public void Ui_DoubleForkedDaemon_ReparentedToTheSessionServer_IsShownUnderItsWorker_WhileAlive()
    {
        string daemon = Tag();
        using TempFile script = new(".sh", $"(sleep {daemon} &)\nsleep 1000\n");
        using TmuxApp app = TmuxApp.Start(["--cmd", $"bash {script.Path}"], width: 120);
        int server = app.SessionServer;
        int pid = 0;
        Until(() => StraysAfterSigkillTests.WithArgument(daemon) is [int p] && StraysAfterSigkillTests.ParentOf(pid = p) == server, "the daemon re-parented to the session server");

        string pidText = pid.ToString(CultureInfo.InvariantCulture);
        string screen = app.WaitUntil(s => DaemonRow(s, pidText) > WorkerRow(s), $"a row for PID {pid} below the worker's");
        string row = screen.Split('\n')[DaemonRow(screen, pidText)];
        Assert.Contains("sleep", row, StringComparison.Ordinal);

        Tuiproc.Signal(pid, 9);
        app.WaitUntil(s => DaemonRow(s, pidText) < 0, $"the row for PID {pid} gone once it ended");
    }

    private static int WorkerRow(string screen) => Array.FindIndex(screen.Split('\n'), l => l.Contains("bash /", StringComparison.Ordinal));

    private static int DaemonRow(string screen, string pid) =>
        Array.FindIndex(screen.Split('\n'), l => l.Contains("│" + pid + "│", StringComparison.Ordinal) && l.Contains("sleep", StringComparison.Ordinal));

    private static string Tag() => "1002.5" + Random.Shared.Next(100_000, 1_000_000).ToString(CultureInfo.InvariantCulture);

    private static void Until(Func<bool> condition, string what)
    {
        DateTime deadline = DateTime.UtcNow + TmuxApp.Bound;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting: " + what);
            Thread.Sleep(20);
        }
    }
}

using TuiProcManager.Tests.TestSupport;
using TuiProcManager.Testing;

namespace TuiProcManager.Tests.EndToEnd;

/// <summary>
/// Sharing a session between real users (decision 0007): the test (root, as CI runs it) starts a session of
/// root's with a real worker and its UI attached, makes throwaway users, and runs the real tuiproc as them
/// against the session's shared socket. Nobody gets in without a grant; a read-only grant watches and every
/// key and command that would act is refused in one line; <c>--control</c> acts; <c>--stop</c> cuts the
/// watcher off at once; leaving never touches the student's workers.
/// </summary>
public sealed class SharingTests : IDisposable
{
    private const string Why = "making users (useradd) and running tuiproc as them (setpriv) need root";
    private const string Name = "cls";

    /// <summary>Where this test's shared sockets are (TUIPROC_SHARED_DIR, for every side): searchable by the users made.</summary>
    private readonly string _sharedRoot = Directory.CreateTempSubdirectory("tuiproc-shared-e2e-").FullName;

    public SharingTests() => File.SetUnixFileMode(_sharedRoot, (UnixFileMode)Convert.ToInt32("755", 8));

    private Dictionary<string, string> Guest => new() { ["TUIPROC_SHARED_DIR"] = _sharedRoot };

    [RootFact(Why)]
    public async Task ReadOnly_OnlyTheGrantedUserWatches_EveryActingKeyAndCommandRefused_StopCutsItOff_WorkerUntouched()
    {
        using TmuxApp app = StartSession();
        using ThrowawayUser teacher = ThrowawayUser.Create();
        using ThrowawayUser stranger = ThrowawayUser.Create();
        string notShared = $"tuiproc: root has not shared session {Name} with you ({stranger.Described})\n";

        // Not shared yet: nobody gets in, and the socket's directory is root's alone.
        (int code, string stdout, string stderr) = await stranger.RunAsync(Guest, "ctl", $"root/{Name}", "ps");
        Assert.Equal((3, "", notShared), (code, stdout, stderr));

        (code, stdout, stderr) = await Share("--with", teacher.Name);
        Assert.True(code == 0, stderr);
        Assert.Equal($"session {Name} is shared with {teacher.Name} (read-only); they attach with: tuiproc attach root/{Name}\n", stdout);

        // The stranger still does not; the teacher sees the worker, and may not act on it.
        Assert.Equal((3, "", notShared), await stranger.RunAsync(Guest, "ctl", $"root/{Name}", "ps"));
        (code, stdout, stderr) = await teacher.RunAsync(Guest, "ctl", $"root/{Name}", "ps");
        Assert.True(code == 0 && stdout.Contains("sleep 600", StringComparison.Ordinal), $"exit {code}: {stdout}{stderr}");
        Assert.Equal((1, "", "tuiproc: read-only: root shared this session with you to watch, not to act\n"), await teacher.RunAsync(Guest, "ctl", $"root/{Name}", "kill", "1"));
        (code, _, stderr) = await teacher.RunAsync(Guest, "events", $"root/{Name}", "--follow");
        Assert.True(code != 0 && stderr.Contains("a lossless follow would hold its workers", StringComparison.Ordinal), $"events --follow: exit {code}, {stderr}");

        // The teacher's screen: the student's as it is, marked read-only; every key that acts is refused.
        app.StartCommand(teacher.Command(Guest, "attach", $"root/{Name}"), waitFor: "sleep 600");
        app.WaitFor($"tuiproc root/{Name} (read-only)");
        foreach (string key in (string[])["s", "c", "x", "m", "p", "j", "J", "T", "k", "K", "9", "w", "+", "-"])
        {
            app.Keys("Escape"); // its own line in the header, so that each key's refusal is seen anew
            WaitForWrapped(app, "Esc closes a dialog; q quits");
            app.Keys(key);
            WaitForWrapped(app, "read-only: you are watching root's session (q leaves it)");
        }

        // The student's header says who watches; the teacher's does not say that the teacher watches.
        Assert.Contains($"watched by {teacher.Name} (read-only)", app.ScreenOf("e2e"), StringComparison.Ordinal);
        Assert.DoesNotContain($"watched by {teacher.Name}", app.Screen(), StringComparison.Ordinal);

        // Taken back: the teacher's screen says so at once, and nothing of theirs gets in any more.
        (code, stdout, stderr) = await Share("--stop");
        Assert.True(code == 0, stderr);
        Assert.Equal($"session {Name} is shared with nobody\n{teacher.Name}: 1 connection closed\n", stdout);
        WaitForWrapped(app, $"root stopped sharing session {Name} with you");
        (code, _, stderr) = await teacher.RunAsync(Guest, "ctl", $"root/{Name}", "ps");
        Assert.Equal((3, $"tuiproc: root has not shared session {Name} with you ({teacher.Described})\n"), (code, stderr));

        // Cut off, the screen stays for the teacher to read; q leaves it.
        app.Keys("q");
        Assert.Equal(0, app.WaitForExit());
        await WorkerAliveAndRunningAsync(app);
    }

    [RootFact(Why)]
    public async Task Control_TheGrantedUserActs_ButCannotEndOrShare_AndLeavingWithQLeavesTheSessionAsItIs()
    {
        using TmuxApp app = StartSession();
        using ThrowawayUser helper = ThrowawayUser.Create();
        (int code, string stdout, string stderr) = await Share("--with", helper.Name, "--control");
        Assert.True(code == 0, stderr);
        Assert.Contains($"{helper.Name} (control)", stdout, StringComparison.Ordinal);

        Assert.Equal((1, "", $"tuiproc: only root may end this session\n"), await helper.RunAsync(Guest, "ctl", $"root/{Name}", "end"));
        (code, _, stderr) = await helper.RunAsync(Guest, "share", $"root/{Name}", "--with", "nobody");
        Assert.Equal((2, "tuiproc: only root can share root's sessions: name one of yours\n"), (code, stderr));
        (code, stdout, stderr) = await helper.RunAsync(Guest, "ctl", $"root/{Name}", "pause", "1");
        Assert.True(code == 0, $"pause as a control guest: exit {code}, {stderr}");

        // A control guest's UI: q and Ctrl+C leave it, never stop the student's workers or end the session.
        app.StartCommand(helper.Command(Guest, "attach", $"root/{Name}"), waitFor: "sleep 600");
        app.WaitFor($"tuiproc root/{Name} (control)");
        app.Keys("q");
        Assert.Equal(0, app.WaitForExit());
        await Tuiproc.UntilAsync(() => app.Transcript().Contains($"stopped watching session root/{Name}", StringComparison.Ordinal), "the line on the way out");
        (code, stdout, _) = await Tuiproc.RunAsync(SessionEnvironment(app), "ctl", Name, "ps");
        Assert.True(code == 0 && stdout.Contains("paused", StringComparison.Ordinal), "the worker the guest paused is as it left it: " + stdout);
    }

    [RootFact(Why)]
    public async Task Lab_SharedWithTheTeacher_TheStudentIsAskedFirst_YesShares_NoSharesNothing()
    {
        using ThrowawayUser teacher = ThrowawayUser.Create();
        using TempFile yes = new(".json", LabJson("71", teacher.Name));
        using TempFile no = new(".json", LabJson("72", teacher.Name));

        using TmuxApp app = TmuxApp.Start(["lab", yes.Path, "--session", "said-yes"], width: 140, height: 35, env: Guest, waitFor: "Share it?");
        Assert.Contains($"lab 71 shares its session with {teacher.Name}, read-only: they can watch your screen", app.Screen(), StringComparison.Ordinal);
        app.Keys("y", "Enter");
        WaitForWrapped(app, $"this session is shared with {teacher.Name} (read-only)");
        (int code, string stdout, string stderr) = await teacher.RunAsync(Guest, "ctl", "root/said-yes", "ps");
        Assert.True(code == 0, $"exit {code}: {stdout}{stderr}");

        app.StartAnother(["lab", no.Path, "--session", "said-no"], waitFor: "Share it?");
        app.Keys("n", "Enter");
        app.WaitFor("Processes");
        Assert.Equal((3, "", $"tuiproc: root has not shared session said-no with you ({teacher.Described})\n"), await teacher.RunAsync(Guest, "ctl", "root/said-no", "ps"));
    }

    public void Dispose() => Directory.Delete(_sharedRoot, recursive: true);

    /// <summary>Waits for <paramref name="text"/> in the header, which wraps a long line onto the next row (one space in).</summary>
    internal static void WaitForWrapped(TmuxApp app, string text) =>
        app.WaitUntil(s => System.Text.RegularExpressions.Regex.Replace(s, @"\s+", " ").Contains(text, StringComparison.Ordinal), $"'{text}'");

    private static string LabJson(string id, string teacher) => $$"""
        {
          "format": "tuiproc-lab/1",
          "id": "{{id}}",
          "name": "shared-{{id}}",
          "title": "A lab the teacher watches",
          "summary": "shared from the start",
          "shared_with": ["{{teacher}}"],
          "steps": [ { "id": "a", "title": "Start a square worker", "text": "Press s.", "check": { "spawned": { "kind": "square" } } } ]
        }
        """;

    /// <summary>Root's session with one sleeping worker and its UI attached (the student's screen, terminal e2e).</summary>
    private TmuxApp StartSession()
    {
        TmuxApp app = TmuxApp.Start(["--session", Name, "--cmd", "sleep 600"], width: 140, height: 35, env: Guest);
        _ = app.PidOf("sleep 600");
        _app = app;
        return app;
    }

    private Dictionary<string, string> SessionEnvironment(TmuxApp app) => new(app.SessionEnvironment) { ["TUIPROC_SHARED_DIR"] = _sharedRoot };

    private Task<(int Code, string Stdout, string Stderr)> Share(params string[] args) =>
        Tuiproc.RunAsync(SessionEnvironment(_app!), ["share", Name, .. args]);

    private async Task WorkerAliveAndRunningAsync(TmuxApp app)
    {
        (int code, string stdout, string stderr) = await Tuiproc.RunAsync(SessionEnvironment(app), "ctl", Name, "ps", "--json");
        Assert.True(code == 0, stderr);
        Assert.Contains("\"sleep 600\"", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\"state\":\"ended\"", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\"state\":\"paused\"", stdout, StringComparison.Ordinal);
    }

    private TmuxApp? _app;
}

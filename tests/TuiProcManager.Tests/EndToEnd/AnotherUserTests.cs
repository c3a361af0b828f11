using TuiProcManager.Tests.TestSupport;
using TuiProcManager.Testing;

namespace TuiProcManager.Tests.EndToEnd;

/// <summary>
/// A session is its user's alone, between real users: the test (root, as CI runs it) makes a throwaway user,
/// starts a session of root's with real workers, and runs the real tuiproc as that user against it. Every
/// command the user tries (ctl ps, ctl kill, events --follow, attach) says in one line what stands in the
/// way and exits 3, and the session's workers go on exactly as they were.
/// </summary>
public sealed class AnotherUserTests
{
    private const string Why = "making a user (useradd) and running tuiproc as that user (setpriv) need root";
    private const string Name = "own";

    [RootFact(Why)]
    public async Task EveryCommand_AnotherUserAtRootsSessionDirectory_OneLineNamingTheOwner_NothingChanged()
    {
        using TmuxApp app = StartDetachedSession();
        using ThrowawayUser user = ThrowawayUser.Create();
        string before = await WorkersAsync(app);
        string sessions = Path.Combine(app.RuntimeDir, "tuiproc");
        Dictionary<string, string> atRoots = new() { ["XDG_RUNTIME_DIR"] = app.RuntimeDir };

        // As /run/user is to /run/user/0: a directory anyone passes through, to a runtime directory that is
        // root's alone. The session directory in it cannot even be looked at (this crashed ls, ctl and
        // events with an UnauthorizedAccessException when they listed the sessions for "no session named").
        File.SetUnixFileMode(app.ConfigHome, Mode("711"));
        await EveryCommandRefusedAsync(user, atRoots, $"tuiproc: the session directory {sessions} is out of reach: {app.RuntimeDir} belongs to root (uid 0), not to you ({user.Described})");

        // The runtime directory passable too: the session directory is seen, and it is root's.
        File.SetUnixFileMode(app.RuntimeDir, Mode("711"));
        await EveryCommandRefusedAsync(user, atRoots, $"tuiproc: the session directory {sessions} belongs to root (uid 0), not to you ({user.Described})");

        Assert.Equal(before, await WorkersAsync(app));
        Assert.Equal((Mode("700"), Mode("600")), (File.GetUnixFileMode(sessions), File.GetUnixFileMode(Path.Combine(sessions, Name + ".sock"))));
        Assert.Equal([Name + ".log", Name + ".sock"], Directory.GetFileSystemEntries(sessions).Select(Path.GetFileName).Order());
    }

    [RootFact(Why)]
    public async Task EveryCommand_AnotherUserThroughASocketOpenedToAll_RefusedByThePeerCheck_WorkersUntouched()
    {
        using TmuxApp app = StartDetachedSession();
        using ThrowawayUser user = ThrowawayUser.Create();
        string before = await WorkersAsync(app);
        string sessions = Path.Combine(app.RuntimeDir, "tuiproc");
        string socket = Path.Combine(sessions, Name + ".sock");

        // A misconfiguration (or a shared directory): every directory on the way and the socket opened to
        // everyone, so that the user's connect(2) succeeds and only the server's SO_PEERCRED check stands in
        // the way. The client refuses a session directory of another user by itself (the test above), so
        // the user reaches the socket through a link in a session directory of its own.
        foreach (string directory in (string[])[app.ConfigHome, app.RuntimeDir, sessions])
        {
            File.SetUnixFileMode(directory, Mode("755"));
        }

        File.SetUnixFileMode(socket, Mode("666"));
        string usersRuntime = $"/home/{user.Name}/run";
        user.Run("mkdir", "-p", "-m", "700", usersRuntime, $"{usersRuntime}/tuiproc");
        user.Run("ln", "-s", socket, $"{usersRuntime}/tuiproc/{Name}.sock");

        await EveryCommandRefusedAsync(
            user, new Dictionary<string, string> { ["XDG_RUNTIME_DIR"] = usersRuntime }, $"tuiproc: this session belongs to root (uid 0); you are {user.Described}");

        Assert.Equal(before, await WorkersAsync(app));
    }

    /// <summary>ctl ps, ctl kill 1, events --follow and attach (in a terminal) as <paramref name="user"/>: each exits 3 saying <paramref name="line"/> alone.</summary>
    private static async Task EveryCommandRefusedAsync(ThrowawayUser user, IReadOnlyDictionary<string, string> environment, string line)
    {
        foreach (string[] command in (string[][])[["ctl", Name, "ps"], ["ctl", Name, "kill", "1"], ["events", Name, "--follow"]])
        {
            (int code, string stdout, string stderr) = await user.RunAsync(environment, command);
            Assert.True((3, "", line + "\n") == (code, stdout, stderr), $"tuiproc {string.Join(' ', command)}: exit {code}, stdout '{stdout}', stderr '{stderr}'");
        }

        (int attached, string shown) = await user.RunInTerminalAsync(environment, "attach", Name);
        Assert.True((3, line + "\n") == (attached, shown), $"tuiproc attach: exit {attached}, terminal '{shown}'");
    }

    /// <summary>A session of root's with two sleeping workers, its UI detached: the session server alone runs it.</summary>
    private static TmuxApp StartDetachedSession()
    {
        TmuxApp app = TmuxApp.Start(["--session", Name, "--cmd", "sleep 600", "--cmd", "sleep 601"], width: 120, height: 35);
        try
        {
            _ = app.PidOf("sleep 600");
            _ = app.PidOf("sleep 601");
            app.Keys("d");
            Assert.Equal(0, app.WaitForExit());
            return app;
        }
        catch
        {
            app.Dispose();
            throw;
        }
    }

    /// <summary>The session's workers as root's ctl ps --json says them (ID, PID, state, name, output lines, exit).</summary>
    private static async Task<string> WorkersAsync(TmuxApp app)
    {
        (int code, string workers, string said) = await Tuiproc.RunAsync(app.SessionEnvironment, "ctl", Name, "ps", "--json");
        Assert.True(code == 0, "ctl ps as root: " + said);
        Assert.Equal(2, workers.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain("\"ended\"", workers, StringComparison.Ordinal);
        return workers;
    }

    private static UnixFileMode Mode(string octal) => (UnixFileMode)Convert.ToInt32(octal, 8);
}

using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using TuiProcManager.Testing;

namespace TuiProcManager.Tests.TestSupport;

/// <summary>
/// The real tuiproc UI in a real terminal: a tmux server of its own (so tests never meet each other or the
/// user's tmux), one window of a fixed size, an empty config directory. Keys go in with send-keys, the
/// screen comes back with capture-pane. Disposing kills the server and anything tuiproc left behind.
/// </summary>
internal sealed partial class TmuxApp : IDisposable
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private readonly string _socket = "tuiproc-e2e-" + Guid.NewGuid().ToString("N")[..12];
    private readonly HashSet<int> _seenPids = [];

    private TmuxApp(string configHome)
    {
        ConfigHome = configHome;
    }

    /// <summary>$XDG_CONFIG_HOME of the app (a fresh temporary directory), and its working directory.</summary>
    public string ConfigHome { get; }

    /// <summary>$XDG_STATE_HOME of the app (where lab progress is saved), inside <see cref="ConfigHome"/>.</summary>
    public string StateHome => Path.Combine(ConfigHome, "state");

    /// <summary>$XDG_RUNTIME_DIR of the app, inside <see cref="ConfigHome"/>: its sessions' sockets and logs are in tuiproc/ there.</summary>
    public string RuntimeDir => Path.Combine(ConfigHome, "run");

    /// <summary>The environment that reaches this test's sessions (for tuiproc ls, attach, ctl run beside the app).</summary>
    public IReadOnlyDictionary<string, string> SessionEnvironment => new Dictionary<string, string>
    {
        ["XDG_RUNTIME_DIR"] = RuntimeDir,
        ["XDG_CONFIG_HOME"] = ConfigHome,
        ["XDG_STATE_HOME"] = StateHome,
    };

    /// <summary>
    /// Runs <c>tuiproc ARGS</c> in a new terminal of this test's tmux server, with the same environment and
    /// size (<c>tuiproc attach NAME</c> after a detach or <see cref="KillSession"/>): from now on it is the app.
    /// </summary>
    public void StartAnother(string[] args, string waitFor = "Processes")
    {
        _session = "e2e" + (++_sessions).ToString(CultureInfo.InvariantCulture);
        Launch(_session, args);
        WaitFor(waitFor);
    }

    /// <summary>
    /// Runs <paramref name="command"/> (its words, as they are: another user's tuiproc, <see cref="ThrowawayUser.Command"/>)
    /// in a new terminal of this test's tmux server, of the same size: from now on it is the app.
    /// </summary>
    public void StartCommand(IReadOnlyList<string> command, string waitFor = "Processes")
    {
        (string config, _, int width, int height) = _launch;
        _session = "e2e" + (++_sessions).ToString(CultureInfo.InvariantCulture);
        Tmux(["-f", config, "new-session", "-d", "-s", _session, "-c", ConfigHome, "-x", width.ToString(CultureInfo.InvariantCulture), "-y", height.ToString(CultureInfo.InvariantCulture),
            "exec " + string.Join(' ', command.Select(Quote))]);
        Pid = int.Parse(Tmux("list-panes", "-t", _session, "-F", "#{pane_pid}").Trim(), CultureInfo.InvariantCulture);
        WaitFor(waitFor);
    }

    /// <summary>Makes the terminal <paramref name="terminal"/> the app again (the first is <c>e2e</c>).</summary>
    public void SwitchTo(string terminal) => _session = terminal;

    private (string Config, Dictionary<string, string> Environment, int Width, int Height) _launch;
    private string _session = "e2e";
    private int _sessions;

    /// <param name="session">The new terminal's name.</param>
    /// <param name="args">tuiproc's arguments.</param>
    /// <param name="before">Shell commands the terminal runs before it starts the app, or null.</param>
    private void Launch(string session, string[] args, string? before = null)
    {
        (string config, Dictionary<string, string> environment, int width, int height) = _launch;
        List<string> tmux = ["-f", config, "new-session", "-d", "-s", session, "-c", ConfigHome, "-x", width.ToString(CultureInfo.InvariantCulture), "-y", height.ToString(CultureInfo.InvariantCulture)];

        // tmux passes the command to sh -c; exec makes the pane's process tuiproc itself. Unset (empty)
        // variables are removed with env -u so that NO_COLOR= does not count as set.
        string unset = string.Concat(environment.Where(e => e.Value.Length == 0).Select(e => $"-u {e.Key} "));
        string assign = string.Concat(environment.Where(e => e.Value.Length > 0).Select(e => $"{e.Key}={Quote(e.Value)} "));
        tmux.Add($"{before}exec env {unset}{assign}{string.Join(' ', Tuiproc.Command.Select(Quote))} {string.Join(' ', args.Select(Quote))}");
        Tmux([.. tmux]);
        Pid = int.Parse(Tmux("list-panes", "-t", session, "-F", "#{pane_pid}").Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>The screen of an earlier terminal of this test (<c>e2e</c>, the first; see <see cref="StartAnother"/>).</summary>
    public string ScreenOf(string terminal) => Tmux("capture-pane", "-p", "-t", terminal);

    /// <summary>The name of the terminal the app now runs in (<c>e2e</c>, then <c>e2e1</c>… after <see cref="StartAnother"/>).</summary>
    public string Terminal => _session;

    /// <summary>The PID of this test's one session server (the UI started it; it outlives a detach).</summary>
    public int SessionServer => SessionServers() is [int pid] ? pid : throw new Xunit.Sdk.XunitException($"expected one session server, found {SessionServers().Count}");

    /// <summary>The PIDs of this test's session servers, from the first line of their logs ("… (pid N)").</summary>
    public IReadOnlyList<int> SessionServers()
    {
        string logs = Path.Combine(RuntimeDir, "tuiproc");
        if (!Directory.Exists(logs))
        {
            return [];
        }

        List<int> pids = [];
        foreach (string log in Directory.EnumerateFiles(logs, "*.log"))
        {
            Match m = Regex.Match(File.ReadLines(log).FirstOrDefault() ?? "", @"\(pid (\d+)\)");
            if (m.Success)
            {
                pids.Add(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
            }
        }

        return pids;
    }

    /// <summary>The app's PID (tmux execs it in the pane).</summary>
    public int Pid { get; private set; }

    /// <summary>Starts <c>tuiproc ARGS</c> in a <paramref name="width"/>×<paramref name="height"/> terminal and waits for its first screen.</summary>
    /// <param name="args">tuiproc's arguments.</param>
    /// <param name="width">The terminal's columns.</param>
    /// <param name="height">The terminal's rows.</param>
    /// <param name="env">Environment variables to set (an empty value removes one).</param>
    /// <param name="waitFor">Text the first screen shows.</param>
    /// <param name="prepare">Called with <see cref="ConfigHome"/> before the app starts (to put settings or theme files there).</param>
    public static TmuxApp Start(string[] args, int width = 100, int height = 30, IReadOnlyDictionary<string, string>? env = null, string waitFor = "Processes", Action<string>? prepare = null)
    {
        string home = Directory.CreateTempSubdirectory("tuiproc-e2e-").FullName;
        TmuxApp app = new(home);
        try
        {
            prepare?.Invoke(home);
            _ = Directory.CreateDirectory(app.RuntimeDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            string config = Path.Combine(home, "tmux.conf");
            File.WriteAllText(config, "set -g remain-on-exit on\nset -g status off\nset -g history-limit 1000\n");
            Dictionary<string, string> environment = new()
            {
                ["XDG_CONFIG_HOME"] = home,
                ["XDG_STATE_HOME"] = app.StateHome,
                ["XDG_RUNTIME_DIR"] = app.RuntimeDir, // the sessions of this test alone
                ["TUIPROC_SHARED_DIR"] = home, // their shared sockets too (each server makes one: decision 0007)
                ["TERM"] = "xterm-256color",
                ["COLORTERM"] = "",
                ["NO_COLOR"] = "",
            };
            foreach ((string name, string value) in env ?? new Dictionary<string, string>())
            {
                environment[name] = value;
            }

            app._launch = (config, environment, width, height);
            app.Launch("e2e", args);
            app.WaitFor(waitFor);
            return app;
        }
        catch
        {
            app.Dispose();
            throw;
        }
    }

    /// <summary>The screen as text, one line per row.</summary>
    public string Screen() => Tmux("capture-pane", "-p", "-t", _session);

    /// <summary>
    /// Everything the terminal showed, the lines scrolled off the top included (up to 1,000): for a
    /// program that prints and ends (tmux may scroll the first line away while it sizes the new pane).
    /// </summary>
    public string Transcript() => Tmux("capture-pane", "-p", "-S", "-", "-t", _session);

    /// <summary>The screen with its colours and attributes as escape sequences.</summary>
    public string ScreenWithAttributes() => Tmux("capture-pane", "-p", "-e", "-t", _session);

    /// <summary>Sends keys, as tmux names them (<c>s</c>, <c>Enter</c>, <c>Down</c>, <c>C-c</c>…).</summary>
    public void Keys(params string[] keys) => Tmux(["send-keys", "-t", _session, .. keys]);

    /// <summary>Kills the tmux session, as a dropped SSH connection would: the app gets SIGHUP.</summary>
    public void KillSession() => Tmux("kill-session", "-t", _session);

    public void Resize(int width, int height) =>
        Tmux("resize-window", "-t", _session, "-x", width.ToString(CultureInfo.InvariantCulture), "-y", height.ToString(CultureInfo.InvariantCulture));

    /// <summary>The window title tuiproc's pane has (what an OSC 0/2 sequence would change).</summary>
    public string PaneTitle() => Tmux("display-message", "-p", "-t", _session, "#{pane_title}").Trim();

    /// <summary>
    /// True once the app has exited (the pane stays, remain-on-exit); its exit status then, or 128 + the
    /// signal that ended it.
    /// </summary>
    public bool HasExited(out int status)
    {
        string[] state = Tmux("list-panes", "-t", _session, "-F", "#{pane_dead}:#{pane_dead_status}:#{pane_dead_signal}").Trim().Split(':');
        status = int.TryParse(state[1], CultureInfo.InvariantCulture, out int code) ? code
            : int.TryParse(state[2], CultureInfo.InvariantCulture, out int signal) ? 128 + signal
            : ZombieExitStatus(Pid);
        return state[0] == "1" && status >= 0;
    }

    /// <summary>
    /// The exit status of an ended but unreaped process, from /proc/PID/stat's exit_code (field 52), or -1.
    /// tmux marks the pane dead when its terminal closes and learns the status when it reaps the process;
    /// under the test host that reaping was seen to lag by more than 30 s (once in a few runs).
    /// </summary>
    private static int ZombieExitStatus(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields[0] != "Z" || fields.Length < 50)
            {
                return -1;
            }

            int wait = int.Parse(fields[49], CultureInfo.InvariantCulture); // field 52 of the whole line
            return (wait & 0x7f) == 0 ? (wait >> 8) & 0xff : 128 + (wait & 0x7f);
        }
        catch (IOException)
        {
            return -1;
        }
    }

    /// <summary>Waits until the screen shows <paramref name="text"/>; returns that screen.</summary>
    public string WaitFor(string text, TimeSpan? within = null) => WaitUntil(s => s.Contains(text, StringComparison.Ordinal), $"'{text}'", within);

    /// <summary>Waits until <paramref name="condition"/> holds for the screen; returns that screen.</summary>
    public string WaitUntil(Func<string, bool> condition, string what, TimeSpan? within = null)
    {
        Stopwatch watch = Stopwatch.StartNew();
        string screen = "";
        while (watch.Elapsed < (within ?? Bound))
        {
            screen = Screen();
            if (condition(screen))
            {
                return screen;
            }

            Thread.Sleep(50);
        }

        throw new Xunit.Sdk.XunitException($"the screen did not show {what} within {(within ?? Bound).TotalSeconds} s:\n{screen}");
    }

    /// <summary>Waits for the app to exit; returns its exit status.</summary>
    public int WaitForExit()
    {
        Stopwatch watch = Stopwatch.StartNew();
        while (watch.Elapsed < Bound)
        {
            if (HasExited(out int status))
            {
                return status;
            }

            Thread.Sleep(50);
        }

        string pane = Tmux("list-panes", "-t", _session, "-F", "#{pane_dead}:#{pane_dead_status}:#{pane_dead_signal}").Trim();
        throw new Xunit.Sdk.XunitException(
            $"tuiproc did not exit within {Bound.TotalSeconds} s (pane {pane}, process state {Tuiproc.State(Pid)?.ToString() ?? "gone"}):\n{Screen()}");
    }

    /// <summary>The PID shown in the process table on the row of <paramref name="name"/> (e.g. "square 10").</summary>
    public int PidOf(string name)
    {
        string screen = WaitUntil(s => PidOnRow(s, name) is not null, $"a PID for {name}");
        int pid = PidOnRow(screen, name)!.Value;
        _seenPids.Add(pid);
        return pid;
    }

    /// <summary>Every process descended from the app (workers, the fork server, the orphan guard).</summary>
    public IReadOnlyList<int> Descendants()
    {
        List<int> found = [.. ProcessTools.Descendants(Pid)];
        _seenPids.UnionWith(found);
        return found;
    }

    public void Dispose()
    {
        ProcessTools.EndTmux(_socket);

        // A failed test may leave workers behind; the guarantees under test say they end by themselves,
        // and the tests check that: here they are only cleaned up, after the fact. A session server outlives
        // its UI by design (a hang-up detaches): it goes too, and its orphan guard takes its workers.
        foreach (int pid in _seenPids.Concat(SessionServers()).Where(Tuiproc.IsAlive))
        {
            _ = Tuiproc.TryKill(pid);
        }

        try
        {
            Directory.Delete(ConfigHome, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }

    private static int? PidOnRow(string screen, string name)
    {
        foreach (string line in screen.Split('\n'))
        {
            int at = line.IndexOf(name, StringComparison.Ordinal);
            if (at >= 0 && PidCell().Match(line, at + name.Length) is { Success: true } m)
            {
                return int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    [GeneratedRegex(@"\G *[│|] *(\d+) *[│|]")]
    private static partial Regex PidCell();

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private string Tmux(params string[] args) => ProcessTools.Tmux(_socket, args);
}

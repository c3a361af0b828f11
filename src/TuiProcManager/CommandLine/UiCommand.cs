using System.CommandLine;
using TuiProcManager.Composition;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Core.Text;
using TuiProcManager.Headless;
using TuiProcManager.Linux.Files;
using TuiProcManager.Tui.Hosting;
using TuiProcManager.Linux.Hosting;
using TuiProcManager.Sessions;

namespace TuiProcManager.CommandLine;

/// <summary><c>tuiproc [KIND:N …] [--cmd …]</c>: the full-screen UI, optionally with workers started.</summary>
internal static class UiCommand
{
    public static void AddTo(RootCommand root, TextWriter stderr, CommandLineServices services)
    {
        UiArguments ui = new(services.Resolver);
        SessionArguments session = new();
        ui.AddTo(root);
        session.AddTo(root);
        root.SetAction((parsed, _) => RunAsync(parsed, ui, stderr, lab: null, new SessionStart(session, services)));
    }

    /// <summary>
    /// Checks what the UI needs (a known theme, a terminal, the worker, a writable events file), then runs
    /// it until the user quits or a signal stops it; with <paramref name="lab"/>, that lab is open.
    /// </summary>
    /// <param name="parsed">The command line.</param>
    /// <param name="ui">The UI's options in it.</param>
    /// <param name="stderr">Where one-line problems go.</param>
    /// <param name="lab">The lab to open (its server records its answers and hints in the events file).</param>
    /// <param name="session">The session to start, whose server runs the supervisor (and decides the lab).</param>
    public static async Task<int> RunAsync(ParseResult parsed, UiArguments ui, TextWriter stderr, LabOptions? lab, SessionStart session)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(ui);
        ArgumentNullException.ThrowIfNull(session);
        string? chosen = parsed.GetValue(ui.Theme);
        string instead = lab is null
            ? "for a run without the UI use: tuiproc run square:10 cube:10"
            : $"without the UI, record a run (tuiproc run --events FILE square:10 cube:10) and check it: tuiproc lab check {lab.Lab.Id} FILE";
        if (!session.Detached(parsed) && await ScreenProblemAsync(chosen, instead, stderr).ConfigureAwait(false) is { } unusable)
        {
            return unusable;
        }

        if (WorkerExecutable.Problem() is { } problem)
        {
            await stderr.WriteLineAsync("tuiproc: " + problem).ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        if (!RunFiles.TryOpen(parsed.GetValue(ui.Events), null, out RunFiles? files, out string? fileError))
        {
            await stderr.WriteLineAsync("tuiproc: " + fileError).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        using RunFiles ownFiles = files;
        foreach (string note in files.Notes)
        {
            await stderr.WriteLineAsync("tuiproc: " + note).ConfigureAwait(false);
        }

        UiRun run = new(chosen, parsed.GetValue(ui.Colors) ?? "auto", ui.Workers.Build(parsed), Problems: null, lab) { NoMouse = parsed.GetValue(ui.NoMouse) };
        return await session.RunAsync(parsed, ui, run, files, stderr).ConfigureAwait(false) ?? ExitCodes.Failure;
    }

    /// <summary>
    /// Runs the UI over <paramref name="supervisor"/> until the user quits or detaches, or a signal comes;
    /// with its signal handling (a watchdog that ends the process whatever the UI does) and the terminal's
    /// rescue. In a session, a hang-up (SIGHUP, or the terminal gone) detaches instead of stopping.
    /// </summary>
    /// <param name="supervisor">The workers' supervisor: this process's own, or a session's.</param>
    /// <param name="run">What the UI is run with.</param>
    /// <param name="resolver">Checks programs typed into the run-a-command dialog.</param>
    /// <param name="time">The UI's clock.</param>
    /// <param name="machine">The machine's facts.</param>
    /// <param name="sessionName">The session the UI is attached to, or null.</param>
    /// <param name="endSession">Ends the session, when the UI is attached to one (see <see cref="SignalWatchdog"/>).</param>
    /// <returns>How the UI ended, and the signal that ended it (0: none).</returns>
    public static (TuiExit Exit, int Signal) Run(
        ISupervisor supervisor, UiRun run, IExecutableResolver resolver, TimeProvider time, MachineFacts machine, string? sessionName, Func<Task>? endSession = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        // A second signal hurries the stop (SIGKILL at once); in a session, a hang-up after a hang-up (the
        // terminal's end is seen twice: SIGHUP, and the input's end) is still only a detach.
        // A guest in another user's session never stops its workers, and a replay has none: every signal
        // leaves it as it is.
        using TerminationSignals signals = new(second =>
        {
            if (!run.LeavesAsIs && (sessionName is null || second != 1))
            {
                SignalWatchdog.KillAll(supervisor);
            }
        });
        Func<bool>? detaches = run.LeavesAsIs ? () => true : sessionName is null ? null : () => signals.Signal == 1;
        TerminalRescue terminal = TerminalRescue.Capture(); // before the UI puts the terminal in raw mode
        using SignalWatchdog watchdog = new(supervisor, signals, terminal, detaches, endSession);
        TuiOptions options = new()
        {
            Files = ShippedContent.Files,
            TerminalInput = static () => new TerminalInputWait(), // the UI's input thread sleeps in poll(2) on stdin
            TerminalQuery = new TerminalQuery(), // asked whether it has 24-bit colour, when TERM does not say
            Time = time,
            Machine = machine,
            Themes = ShippedContent.Themes,
            ExplainTexts = ShippedContent.Labs.Find("explain.json"),
            Theme = run.Theme,
            Colors = run.Colors,
            InitialWorkers = run.Workers,
            Lab = run.Lab,
            Notices = run.Problems,
            Guest = run.Guest,
            Replay = run.Replay,
            RaiseSignal = signals.Raise,
            SessionName = sessionName,
            SignalDetaches = detaches,
            NoMouse = run.NoMouse,
        };
        TuiExit exit = TuiHost.Run(supervisor, resolver, options, signals.Token);
        terminal.Release(); // the UI has put the terminal back itself
        return (exit, signals.Signal);
    }

    /// <summary>
    /// What every UI needs before it starts: a known theme (when one is asked for) and a terminal on stdin
    /// and stdout. The exit code (2) once the problem is said, or null.
    /// </summary>
    /// <param name="theme">The --theme given, or null.</param>
    /// <param name="instead">What to do without a terminal, for the message.</param>
    /// <param name="stderr">Where the one line goes.</param>
    public static async Task<int?> ScreenProblemAsync(string? theme, string instead, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        IReadOnlyList<string> names = TuiHost.LoadThemes(ShippedContent.Themes, out _);
        if (theme is not null && !names.Contains(theme, StringComparer.OrdinalIgnoreCase))
        {
            await stderr.WriteLineAsync($"tuiproc: unknown theme '{InputText.Shorten(theme)}' (available: {string.Join(", ", names)})").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        if (Console.IsInputRedirected || Console.IsOutputRedirected)
        {
            await stderr.WriteLineAsync($"tuiproc: the UI needs a terminal (stdin and stdout are not one); {instead}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        return null;
    }
}

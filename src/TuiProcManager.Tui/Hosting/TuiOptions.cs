using TuiProcManager.Core.Os;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Tui.Hosting;

/// <summary>How to start the UI.</summary>
public sealed record TuiOptions
{
    /// <summary>Reads the files the UI is given to read (settings, the Explain texts, built in or on disk): regular files only, within a limit.</summary>
    public required IRegularFileReader Files { get; init; }

    /// <summary>tuiproc's themes: built in, over themes/ beside the app (the user's own are added from their config folder).</summary>
    public required ShippedFolder Themes { get; init; }

    /// <summary>The theme to start with (already checked to exist), or null for the saved or default one.</summary>
    public string? Theme { get; init; }

    /// <summary>auto, true, 16 or none (see the README).</summary>
    public string Colors { get; init; } = "auto";

    /// <summary>The clock of what the UI shows and records (CPU time columns, the lab's times).</summary>
    public required TimeProvider Time { get; init; }

    /// <summary>The machine's facts (its cores: the run summary's estimate, the Explain and lab texts).</summary>
    public required MachineFacts Machine { get; init; }

    /// <summary>
    /// Opens the OS's wait for the terminal's input, which the UI's input thread sleeps in; called once per
    /// run. The app gives the Linux one (this project does not reference it). Null: Terminal.Gui's stock input,
    /// which looks for a key 50 times a second.
    /// </summary>
    public Func<ITerminalInputWait>? TerminalInput { get; init; }

    /// <summary>Workers to start once the UI is up.</summary>
    public IReadOnlyList<WorkerSpec> InitialWorkers { get; init; } = [];

    /// <summary>The Explain panel's texts: the path of <c>labs/explain.json</c>, beside the app or built in (<see cref="ShippedFolder.Find"/>), read through <see cref="Files"/>.</summary>
    public required string ExplainTexts { get; init; }

    /// <summary>
    /// What the session's server says while the UI runs: problems (an events file that stopped being
    /// written: a full disk), each shown in the header as it comes, and who watches the session; null for
    /// none. May be raised on any thread.
    /// </summary>
    public IObservable<ServerNotice>? Notices { get; init; }

    /// <summary>The UI is a guest in another user's session (shared with this one); null: the user's own.</summary>
    public SessionGuest? Guest { get; init; }

    /// <summary>The UI replays a recording (<c>tuiproc replay</c>): its player's keys and clock; null: a live supervisor.</summary>
    public IReplayControls? Replay { get; init; }

    /// <summary>
    /// The session the UI is attached to (its supervisor runs in a session server): shown in the header, and
    /// d detaches. Null when the supervisor is the UI's own (d then does nothing).
    /// </summary>
    public string? SessionName { get; init; }

    /// <summary>
    /// Whether the signal that just cancelled the UI's interrupt token means detach (a terminal that hung
    /// up, in a session) rather than stop every worker; null: every signal stops them.
    /// </summary>
    public Func<bool>? SignalDetaches { get; init; }

    /// <summary>A lab to open (<c>tuiproc lab N</c>); null for none.</summary>
    public LabOptions? Lab { get; init; }

    /// <summary>
    /// Raises signal N (2 for Ctrl+C, 1 for a terminal that hung up) as if it had come from outside, so that
    /// they take the signals' way out (and its watchdog); null: the UI stops by itself (tests). Must return
    /// at once; any thread.
    /// </summary>
    public Action<int>? RaiseSignal { get; init; }

    /// <summary><c>--no-mouse</c>: the terminal keeps the mouse (its own selection), whatever the settings say.</summary>
    public bool NoMouse { get; init; }

    /// <summary>
    /// Asks the terminal whether it has 24-bit colour when TERM and COLORTERM do not say so (colour mode
    /// auto), before the UI starts. The app gives the Linux one. Null: the terminal is not asked.
    /// </summary>
    public ITerminalQuery? TerminalQuery { get; init; }
}

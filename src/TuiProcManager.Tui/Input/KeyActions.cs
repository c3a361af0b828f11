namespace TuiProcManager.Tui.Input;

/// <summary>
/// Every action a user can press, with its default keys: the one place keys are given (the keys file
/// replaces an action's defaults, <see cref="KeyTable"/>). A default key belongs to one action only.
/// </summary>
internal static class KeyActions
{
    /// <summary>Every action but <see cref="UiAction.None"/>, in the order <c>tuiproc keys</c> lists them.</summary>
    public static IReadOnlyList<KeyAction> All { get; } =
    [
        new(UiAction.SpawnSquare, "spawn-square", ["s"], "spawn a square worker (a dialog asks N and its workload)"),
        new(UiAction.SpawnCube, "spawn-cube", ["c"], "spawn a cube worker"),
        new(UiAction.RunCommand, "run-command", ["x"], "run a command as a worker, never through a shell"),
        new(UiAction.StartPool, "start-pool", ["m"], "start a pool: N workers map a kind over inputs"),
        new(UiAction.PauseResume, "pause-resume", ["p"], "pause / resume the selected worker (SIGSTOP / SIGCONT to its group)"),
        new(UiAction.Join, "join", ["j"], "join the selected worker"),
        new(UiAction.JoinAll, "join-all", ["J"], "join every worker"),
        new(UiAction.JoinWithTimeout, "join-timeout", ["T"], "join the selected worker with a timeout (a dialog asks the seconds)"),
        new(UiAction.Terminate, "terminate", ["k"], "terminate the selected worker (SIGTERM, 3 s grace, SIGKILL)"),
        new(UiAction.TerminateAll, "terminate-all", ["K"], "terminate every worker"),
        new(UiAction.Kill, "kill", ["9", "F9"], "kill the selected worker (SIGKILL to its group)"),
        new(UiAction.ToggleScheduling, "toggle-mode", ["w"], "scheduling mode: parallel <-> pause-on-wait"),
        new(UiAction.MoreSlots, "more-slots", ["+", "="], "one run slot more"),
        new(UiAction.FewerSlots, "fewer-slots", ["-"], "one run slot fewer"),
        new(UiAction.NextPlace, "next-view", ["r"], "the bottom panel: Output -> Results -> Pool"),
        new(UiAction.ToggleSummary, "toggle-summary", ["S"], "the run summary in the bottom panel, or the output back"),
        new(UiAction.ToggleOutput, "toggle-output", ["o"], "the output back; there: the selected worker's, all merged, or the split"),
        new(UiAction.ToggleSplitWorker, "split-worker", ["b"], "the selected worker into the split output (2 to 4 panes), or out of it"),
        new(UiAction.ToggleSplitLayout, "split-layout", ["B"], "the split's panes side by side <-> stacked"),
        new(UiAction.CycleOutputFilter, "output-filter", ["f"], "the output: stdout and stderr -> stdout only -> stderr only"),
        new(UiAction.ToggleTimestamps, "timestamps", ["F"], "each output line with the time it was read, or not"),
        new(UiAction.SelectOutput, "select-output", ["v"], "select lines in the output for a copy (arrows move, y or Enter copies, Esc cancels)"),
        new(UiAction.CopyOutput, "copy-output", ["y"], "copy the selection; with none, save the whole output shown to a file and copy it"),
        new(UiAction.Search, "search", ["/"], "search the output shown"),
        new(UiAction.SearchNext, "search-next", ["n"], "the next match"),
        new(UiAction.SearchPrevious, "search-previous", ["N"], "the previous match"),
        new(UiAction.ToggleExplain, "toggle-explain", ["e"], "show / hide the Explain panel"),
        new(UiAction.ToggleLab, "toggle-lab", ["L"], "in a lab: show / hide the lab panel"),
        new(UiAction.Hint, "hint", ["h"], "in a lab: the current step's next hint"),
        new(UiAction.Answer, "answer", ["a"], "in a lab: answer the current step's question"),
        new(UiAction.ExportReport, "export-report", ["E"], "in a lab: save a report"),
        new(UiAction.NextTheme, "next-theme", ["t"], "next theme (remembered)"),
        new(UiAction.Help, "help", ["?", "F1"], "the keys, and what each does"),
        new(UiAction.Detach, "detach", ["d"], "leave the session running and close the screen (tuiproc attach brings it back)"),
        new(UiAction.Quit, "quit", ["q"], "quit (asks while workers are alive); every worker is stopped"),
        new(UiAction.Interrupt, "interrupt", ["Ctrl+C"], "stop every worker and quit at once, in a dialog too (exit code 130)", Fixed: true),
        new(UiAction.ReplayPausePlay, "replay-pause-play", ["Space"], "in a replay: pause / play on"),
        new(UiAction.ReplayBack, "replay-back", ["CursorLeft"], "in a replay: 10 s back"),
        new(UiAction.ReplayForward, "replay-forward", ["CursorRight"], "in a replay: 10 s forward"),
        new(UiAction.ReplayStart, "replay-start", ["Home"], "in a replay: the first moment"),
        new(UiAction.ReplayEnd, "replay-end", ["End"], "in a replay: the last moment"),
        new(UiAction.ReplaySlower, "replay-slower", ["["], "in a replay: slower (down to x0.25)"),
        new(UiAction.ReplayFaster, "replay-faster", ["]"], "in a replay: faster (up to x64)"),
    ];

    private static readonly Dictionary<UiAction, KeyAction> ByAction = All.ToDictionary(a => a.Action);

    private static readonly Dictionary<string, KeyAction> ByName = All.ToDictionary(a => a.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The entry of <paramref name="action"/>.</summary>
    /// <exception cref="KeyNotFoundException">For <see cref="UiAction.None"/> (or an action added to the enum and not here).</exception>
    public static KeyAction Of(UiAction action) => ByAction[action];

    /// <summary>The action named <paramref name="name"/> (case ignored), or null.</summary>
    public static KeyAction? Named(string name) => ByName.GetValueOrDefault(name);

    /// <summary>Whether <paramref name="action"/> is one of the replay player's: it only acts, and its keys are only taken, in a replay.</summary>
    public static bool IsReplay(UiAction action) => action is UiAction.ReplayPausePlay or UiAction.ReplayBack or UiAction.ReplayForward
        or UiAction.ReplayStart or UiAction.ReplayEnd or UiAction.ReplaySlower or UiAction.ReplayFaster;
}

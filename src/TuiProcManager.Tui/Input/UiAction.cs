namespace TuiProcManager.Tui.Input;

/// <summary>What a key asks for. Keys map to actions in one place (<see cref="KeyTable"/>); every member but <see cref="None"/> has an entry in <see cref="KeyActions.All"/>.</summary>
internal enum UiAction
{
    None,
    SpawnSquare,
    SpawnCube,
    RunCommand,
    PauseResume,
    Join,
    JoinAll,
    Terminate,
    TerminateAll,
    ToggleOutput,
    Search,
    SearchNext,
    SearchPrevious,
    NextTheme,

    /// <summary>w: parallel ↔ pause-on-wait.</summary>
    ToggleScheduling,

    /// <summary>+ (or =): one run slot more.</summary>
    MoreSlots,

    /// <summary>-: one run slot fewer.</summary>
    FewerSlots,

    /// <summary>S: the run summary in the Output panel's place, or the output back.</summary>
    ToggleSummary,

    /// <summary>m: start a pool (map a kind over inputs).</summary>
    StartPool,

    /// <summary>r: the Output panel's place cycles Output → Results → Pool.</summary>
    NextPlace,
    Help,
    Quit,

    /// <summary>SIGKILL to the selected worker (<c>p.kill()</c>).</summary>
    Kill,

    /// <summary>Join the selected worker with a timeout (<c>p.join(2)</c>).</summary>
    JoinWithTimeout,

    /// <summary>Show or hide the Explain panel.</summary>
    ToggleExplain,

    /// <summary>Show or hide the lab panel.</summary>
    ToggleLab,

    /// <summary>The current lab step's next hint.</summary>
    Hint,

    /// <summary>Answer the current lab step's question.</summary>
    Answer,

    /// <summary>Save the lab's report.</summary>
    ExportReport,

    /// <summary>Ctrl+C: stop every worker and leave without asking.</summary>
    Interrupt,

    /// <summary>d: leave the session running and exit the UI (tuiproc attach brings it back).</summary>
    Detach,

    /// <summary>b: the selected worker into the split output view, or out of it.</summary>
    ToggleSplitWorker,

    /// <summary>B: the split's panes side by side ↔ stacked.</summary>
    ToggleSplitLayout,

    /// <summary>f: the output shows stdout and stderr → stdout only → stderr only.</summary>
    CycleOutputFilter,

    /// <summary>F: each output line with the time it was read, or not.</summary>
    ToggleTimestamps,

    /// <summary>v: select lines in the Output panel for a copy (its own keys then: arrows, y, Esc).</summary>
    SelectOutput,

    /// <summary>y: copy the selection; with none, save and copy the whole output shown.</summary>
    CopyOutput,

    /// <summary>In a replay: pause, or play on (at the end: from the start again).</summary>
    ReplayPausePlay,

    /// <summary>In a replay: <see cref="Views.MainWindow.SeekStep"/> back.</summary>
    ReplayBack,

    /// <summary>In a replay: <see cref="Views.MainWindow.SeekStep"/> forward.</summary>
    ReplayForward,

    /// <summary>In a replay: the recording's first moment.</summary>
    ReplayStart,

    /// <summary>In a replay: the recording's last moment.</summary>
    ReplayEnd,

    /// <summary>In a replay: play slower.</summary>
    ReplaySlower,

    /// <summary>In a replay: play faster.</summary>
    ReplayFaster,
}

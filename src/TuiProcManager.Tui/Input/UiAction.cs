namespace TuiProcManager.Tui.Input;

/// <summary>What a key asks for. Keys map to actions in one place (<see cref="KeyMap"/>).</summary>
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
    Help,
    Quit,

    /// <summary>Ctrl+C: stop every worker and leave without asking.</summary>
    Interrupt,
}

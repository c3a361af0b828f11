using Terminal.Gui.Input;

namespace TuiProcManager.Tui.Input;

/// <summary>The keys of the main window (shown in the help screen and the hints line).</summary>
/// <remarks>Plain letters only reach us because the table and list have type-to-search switched off.</remarks>
internal static class KeyMap
{
    public static UiAction Map(Key key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key == Key.C.WithCtrl)
        {
            return UiAction.Interrupt;
        }

        if (key == Key.F1)
        {
            return UiAction.Help;
        }

        if (key == Key.F9)
        {
            return UiAction.Kill; // htop's key for kill
        }

        if (key.IsCtrl || key.IsAlt)
        {
            return UiAction.None;
        }

        return key.AsGrapheme switch
        {
            "s" => UiAction.SpawnSquare,
            "c" => UiAction.SpawnCube,
            "x" => UiAction.RunCommand,
            "p" => UiAction.PauseResume,
            "j" => UiAction.Join,
            "J" => UiAction.JoinAll,
            "k" => UiAction.Terminate,
            "K" => UiAction.TerminateAll,
            "o" => UiAction.ToggleOutput,
            "/" => UiAction.Search,
            "n" => UiAction.SearchNext,
            "N" => UiAction.SearchPrevious,
            "t" => UiAction.NextTheme,
            "w" => UiAction.ToggleScheduling,
            "+" or "=" => UiAction.MoreSlots, // = is + without shift on most keyboards
            "-" => UiAction.FewerSlots,
            "S" => UiAction.ToggleSummary,
            "m" => UiAction.StartPool,
            "r" => UiAction.NextPlace,
            "9" => UiAction.Kill, // kill -9
            "T" => UiAction.JoinWithTimeout,
            "e" => UiAction.ToggleExplain,
            "L" => UiAction.ToggleLab,
            "h" => UiAction.Hint,
            "a" => UiAction.Answer,
            "E" => UiAction.ExportReport,
            "?" => UiAction.Help,
            "q" => UiAction.Quit,
            "d" => UiAction.Detach,
            "b" => UiAction.ToggleSplitWorker,
            "B" => UiAction.ToggleSplitLayout,
            "f" => UiAction.CycleOutputFilter,
            "F" => UiAction.ToggleTimestamps,
            "v" => UiAction.SelectOutput,
            "y" => UiAction.CopyOutput,
            _ => UiAction.None,
        };
    }
}

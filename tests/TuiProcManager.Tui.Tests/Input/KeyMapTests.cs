using Terminal.Gui.Input;
using TuiProcManager.Tui.Input;

namespace TuiProcManager.Tui.Tests.Input;

public sealed class KeyMapTests
{
    public static TheoryData<string, string> Letters => new()
    {
        { "s", "SpawnSquare" }, { "c", "SpawnCube" }, { "x", "RunCommand" },
        { "p", "PauseResume" }, { "j", "Join" }, { "J", "JoinAll" },
        { "k", "Terminate" }, { "K", "TerminateAll" }, { "o", "ToggleOutput" },
        { "/", "Search" }, { "n", "SearchNext" }, { "N", "SearchPrevious" },
        { "t", "NextTheme" }, { "?", "Help" }, { "q", "Quit" }, { "z", "None" },
        { "w", "ToggleScheduling" }, { "+", "MoreSlots" }, { "=", "MoreSlots" }, { "-", "FewerSlots" },
        { "S", "ToggleSummary" }, { "W", "None" },
        { "m", "StartPool" }, { "r", "NextPlace" }, { "M", "None" }, { "R", "None" },
        { "9", "Kill" }, { "T", "JoinWithTimeout" }, { "e", "ToggleExplain" }, { "L", "ToggleLab" },
        { "h", "Hint" }, { "a", "Answer" }, { "E", "ExportReport" }, { "l", "None" }, { "H", "None" },
    };

    [Theory]
    [MemberData(nameof(Letters))]
    public void Map_TheKeysOfTheHelpScreen(string letter, string expected) =>
        Assert.Equal(Enum.Parse<UiAction>(expected), KeyMap.Map(new Key(letter[0])));

    [Fact]
    public void Map_F1IsHelp_CtrlCInterrupts_CtrlLettersAreNotOurs()
    {
        Assert.Equal(UiAction.Help, KeyMap.Map(Key.F1));
        Assert.Equal(UiAction.Kill, KeyMap.Map(Key.F9));
        Assert.Equal(UiAction.Interrupt, KeyMap.Map(Key.C.WithCtrl));
        Assert.Equal(UiAction.None, KeyMap.Map(Key.S.WithCtrl));
        Assert.Equal(UiAction.None, KeyMap.Map(Key.CursorDown));
    }
}

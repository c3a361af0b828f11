using Terminal.Gui.Input;
using TuiProcManager.Tui.Input;

namespace TuiProcManager.Tui.Tests.Input;

/// <summary>The keys table: the defaults as the help lists them, and the keys file's rules (KeyTable's remarks).</summary>
public sealed class KeyTableTests
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
        { "d", "Detach" }, { "[", "ReplaySlower" }, { "]", "ReplayFaster" },
    };

    [Theory]
    [MemberData(nameof(Letters))]
    public void Defaults_TheKeysOfTheHelpScreen(string letter, string expected) =>
        Assert.Equal(Enum.Parse<UiAction>(expected), KeyTable.Defaults.Map(new Key(letter[0])));

    [Fact]
    public void Defaults_F1IsHelp_CtrlCInterrupts_CtrlLettersAreNotOurs_TheArrowsSeekAReplay()
    {
        Assert.Equal(UiAction.Help, KeyTable.Defaults.Map(Key.F1));
        Assert.Equal(UiAction.Kill, KeyTable.Defaults.Map(Key.F9));
        Assert.Equal(UiAction.Interrupt, KeyTable.Defaults.Map(Key.C.WithCtrl));
        Assert.Equal(UiAction.None, KeyTable.Defaults.Map(Key.S.WithCtrl));
        Assert.Equal(UiAction.None, KeyTable.Defaults.Map(Key.CursorDown));
        Assert.Equal(UiAction.ReplayBack, KeyTable.Defaults.Map(Key.CursorLeft));
        Assert.Equal(UiAction.ReplayPausePlay, KeyTable.Defaults.Map(Key.Space));
        Assert.Equal(UiAction.ReplayEnd, KeyTable.Defaults.Map(Key.End));
    }

    [Fact]
    public void Defaults_ACharacterMatchesWhateverShiftFlagTheDriverGaveIt() =>
        Assert.Equal(UiAction.Help, KeyTable.Defaults.Map(new Key('?').WithShift));

    [Fact]
    public void KeyActions_EveryActionButNone_HasOneEntry_WithAKebabName_AndParsableDefaults_NoneShared()
    {
        Assert.Equal(Enum.GetValues<UiAction>().Where(a => a != UiAction.None).Order(), KeyActions.All.Select(a => a.Action).Order());
        Assert.All(KeyActions.All, a => Assert.Matches("^[a-z]+(-[a-z]+)*$", a.Name));
        Assert.Equal(KeyActions.All.Count, KeyActions.All.Select(a => a.Name).Distinct().Count());
        List<string> names = [.. KeyActions.All.SelectMany(a => a.Defaults.Select(d => KeyNames.TryParse(d, out string n, out _) ? n : throw new InvalidOperationException(d)))];
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public void Build_AUsersKey_ReplacesTheActionsDefaults()
    {
        List<string> problems = [];
        KeyTable keys = KeyTable.Build([new("pause-resume", ["z"])], problems);

        Assert.Empty(problems);
        Assert.Equal(UiAction.PauseResume, keys.Map(new Key('z')));
        Assert.Equal(UiAction.None, keys.Map(new Key('p')));
        Assert.Equal(["z"], keys.KeysOf(UiAction.PauseResume));
        Assert.True(keys.IsChanged(UiAction.PauseResume));
        Assert.False(keys.IsChanged(UiAction.Quit));
    }

    [Fact]
    public void Build_ModifiersFunctionKeysAndSpace_MatchTheKeysAsPressed()
    {
        List<string> problems = [];
        KeyTable keys = KeyTable.Build([new("pause-resume", ["Ctrl+P", "F5"]), new("quit", ["Alt+x"]), new("help", ["P", "F2"])], problems);

        Assert.Empty(problems);
        Assert.Equal(UiAction.PauseResume, keys.Map(Key.P.WithCtrl));
        Assert.Equal(UiAction.PauseResume, keys.Map(Key.F5));
        Assert.Equal(UiAction.Quit, keys.Map(Key.X.WithAlt));
        Assert.Equal(UiAction.Help, keys.Map(new Key('P')));
        Assert.Equal(UiAction.None, keys.Map(new Key('p')));
        Assert.Equal(UiAction.None, keys.Map(new Key('?')));
    }

    [Fact]
    public void Build_AnotherActionsDefault_IsTakenFromIt_AndSaid()
    {
        List<string> problems = [];
        KeyTable keys = KeyTable.Build([new("pause-resume", ["k"])], problems);

        Assert.Equal(UiAction.PauseResume, keys.Map(new Key('k')));
        Assert.Empty(keys.KeysOf(UiAction.Terminate));
        Assert.Equal(["\"k\" was terminate's key and is now pause-resume's: terminate has no key now (bind terminate too to say which)"], problems);
    }

    [Fact]
    public void Build_AnotherActionsDefault_TakenFromAnActionTheUserBindsToo_IsNotSaid()
    {
        List<string> problems = [];
        KeyTable keys = KeyTable.Build([new("pause-resume", ["k"]), new("terminate", ["z"])], problems);

        Assert.Empty(problems);
        Assert.Equal(UiAction.Terminate, keys.Map(new Key('z')));
    }

    [Fact]
    public void Build_OneDefaultOfTwoTaken_TheActionKeepsTheOther()
    {
        List<string> problems = [];
        KeyTable keys = KeyTable.Build([new("quit", ["F9"])], problems);

        Assert.Equal(["9"], keys.KeysOf(UiAction.Kill));
        Assert.Contains("kill keeps 9", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_AKeyGivenToTwoActions_StaysWithTheFirst()
    {
        List<string> problems = [];
        KeyTable keys = KeyTable.Build([new("pause-resume", ["z"]), new("quit", ["z", "Q"])], problems);

        Assert.Equal(UiAction.PauseResume, keys.Map(new Key('z')));
        Assert.Equal(["Q"], keys.KeysOf(UiAction.Quit));
        Assert.Equal(["\"quit\": z is given to pause-resume too; pause-resume, first in the file, keeps it"], problems);
    }

    [Theory]
    [InlineData("Esc", "Esc closes a dialog")]
    [InlineData("Ctrl+C", "the terminal's interrupt")]
    [InlineData("CursorUp", "the arrows move in panels and dialogs")]
    [InlineData("Tab", "Tab moves between panels")]
    [InlineData("Enter", "Enter accepts a dialog")]
    public void Build_AReservedKey_IsRefused_AndTheActionKeepsItsDefaults(string key, string why)
    {
        List<string> problems = [];
        KeyTable keys = KeyTable.Build([new("pause-resume", [key])], problems);

        Assert.Equal(["p"], keys.KeysOf(UiAction.PauseResume));
        Assert.Equal(2, problems.Count);
        Assert.Contains(why, problems[0], StringComparison.Ordinal);
        Assert.Equal("\"pause-resume\": none of its keys can be used; it keeps p", problems[1]);
        Assert.False(keys.IsChanged(UiAction.PauseResume));
    }

    [Fact]
    public void Build_AReservedKeyThatIsTheActionsOwnDefault_IsKept_AndNotAnotherActions()
    {
        List<string> problems = [];
        KeyTable keys = KeyTable.Build([new("replay-back", ["CursorLeft", "b"]), new("replay-forward", ["CursorLeft"])], problems);

        Assert.Equal(["CursorLeft", "b"], keys.KeysOf(UiAction.ReplayBack));
        Assert.Contains("\"replay-forward\": CursorLeft cannot be given to an action", problems[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("65", "is a number, not a key")]
    [InlineData("", "is empty, not a key")]
    [InlineData("Ctrl", "is not a key")]
    [InlineData("x y", "is not a key")]
    [InlineData("Ctrl+Foo", "is not a key")]
    public void Build_AKeyThatDoesNotParse_IsSaid_TheOthersApply(string key, string problem)
    {
        List<string> problems = [];
        KeyTable keys = KeyTable.Build([new("pause-resume", [key, "z"])], problems);

        Assert.Equal(["z"], keys.KeysOf(UiAction.PauseResume));
        Assert.Equal([$"\"pause-resume\": \"{key}\" {problem}"], problems.Select(p => p[..p.IndexOf(problem, StringComparison.Ordinal)] + problem));
    }

    [Fact]
    public void Build_UnknownAction_FixedInterrupt_AndAnActionGivenTwice_AreSaid_TheRestApplies()
    {
        List<string> problems = [];
        KeyTable keys = KeyTable.Build([new("pause", ["z"]), new("interrupt", ["F2"]), new("quit", ["Q"]), new("Quit", ["F3"])], problems);

        Assert.Equal(
            [
                "no action is named \"pause\" (tuiproc keys lists them)",
                "\"interrupt\" cannot be given other keys: Ctrl+C is the terminal's interrupt (it stops every worker and quits)",
                "\"quit\" is given twice: the first is used",
            ],
            problems);
        Assert.Equal(["Q"], keys.KeysOf(UiAction.Quit));
        Assert.Equal(UiAction.Interrupt, keys.Map(Key.C.WithCtrl));
        Assert.Equal(UiAction.None, keys.Map(Key.F2));
    }

    [Fact]
    public void Build_AnEmptyList_LeavesTheActionWithoutAKey()
    {
        List<string> problems = [];
        KeyTable keys = KeyTable.Build([new("next-theme", [])], problems);

        Assert.Empty(problems);
        Assert.Empty(keys.KeysOf(UiAction.NextTheme));
        Assert.Equal(UiAction.None, keys.Map(new Key('t')));
        Assert.True(keys.IsChanged(UiAction.NextTheme));
    }
}

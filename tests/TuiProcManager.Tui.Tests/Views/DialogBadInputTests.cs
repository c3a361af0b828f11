using System.Globalization;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Tests.TestSupport;
using TuiProcManager.Tui.Views.Dialogs;

namespace TuiProcManager.Tui.Tests.Views;

/// <summary>
/// Tables of malformed input typed into the spawn (s/c), pool (m) and command (x) dialogs: each is named in
/// one line under the fields, the dialog stays open, and nothing starts.
/// </summary>
[Collection(GlobalUiState.Name)]
public sealed class DialogBadInputTests
{
    /// <summary>Spawn dialog fields, in Tab order: N, steps, work ms, wait ms.</summary>
    public static TheoryData<int, string, string> SpawnCases => new()
    {
        { 0, "", "N is missing: type an integer, e.g. 10" },
        { 0, "12a", "N must be an integer, got '12a'" },
        { 0, "1 2", "N must be an integer, got '1 2'" },
        { 0, "--5", "N must be an integer, got '--5'" },
        { 0, "5-", "N must be an integer, got '5-'" },
        { 0, "+", "N must be an integer, got '+'" },
        { 0, "0x10", "N must be an integer, got '0x10'" },
        { 0, "1.5", "N must be an integer, got '1.5'" },
        { 0, "١٢", "N must be an integer, got '١٢'" },
        { 0, "1,2", "N must be an integer, got '1,2'" },
        { 0, "1..3", "N must be an integer, got '1..3'" },
        { 1, "-1", "steps must be a whole number from 0 to 1,000,000, got '-1'" },
        { 1, "1000001", "steps must be a whole number from 0 to 1,000,000, got '1000001'" },
        { 1, "", "steps must be a whole number from 0 to 1,000,000, got ''" },
        { 1, "ten", "steps must be a whole number from 0 to 1,000,000, got 'ten'" },
        { 2, "-1", "work ms must be a whole number from 0 to 3,600,000, got '-1'" },
        { 2, "3600001", "work ms must be a whole number from 0 to 3,600,000, got '3600001'" },
        { 2, "99999999999", "work ms must be a whole number from 0 to 3,600,000, got '99999999999'" },
        { 2, "1.5", "work ms must be a whole number from 0 to 3,600,000, got '1.5'" },
        { 3, "-1", "wait ms must be a whole number from 0 to 3,600,000, got '-1'" },
        { 3, "3600001", "wait ms must be a whole number from 0 to 3,600,000, got '3600001'" },
        { 3, "+5", "wait ms must be a whole number from 0 to 3,600,000, got '+5'" },
    };

    [Theory]
    [MemberData(nameof(SpawnCases))]
    public void Spawn_BadField_SaysWhatIsWrongInOneLine_StaysOpen_SpawnsNothing(int field, string text, string expected)
    {
        using Screen s = new(100, 30, begin: false);

        AssertRefused<SpawnDialog>(s, 's', app => SetField(app, field, text), expected);

        s.Harness.AssertNothingStarted();
    }

    /// <summary>Pool dialog fields, in Tab order: kind, inputs, workers, steps, work ms, wait ms.</summary>
    public static TheoryData<int, string, string> PoolCases => new()
    {
        { 0, "", "kind must be square or cube, got ''" },
        { 0, "squares", "kind must be square or cube, got 'squares'" },
        { 0, "cube:", "kind must be square or cube, got 'cube:'" },
        { 1, "1..", "inputs: range '1..' needs both ends" },
        { 1, "..5", "inputs: range '..5' needs both ends" },
        { 1, "..", "inputs: range '..' needs both ends" },
        { 1, "1...5", "inputs: range '1...5' must have integer ends" },
        { 1, "-1..-5", "inputs: range '-1..-5' is reversed (-1 > -5): write -5..-1" },
        { 1, "1..100001", "inputs: range '1..100001' has 100,001 inputs; at most 100,000 are accepted" },
        { 1, "2,,3", "inputs: empty item in the list" },
        { 1, "2,3,", "inputs: empty item in the list" },
        { 1, ",", "inputs: empty item in the list" },
        { 1, "2;3", "inputs: N must be an integer, got '2;3'" },
        { 1, "1 2", "inputs: N must be an integer, got '1 2'" },
        { 1, "1e3", "inputs: N must be an integer, got '1e3'" },
        { 2, "-1", "workers must be a whole number from 1 to" },
        { 2, "", "workers must be a whole number from 1 to" },
        { 2, "1.5", "workers must be a whole number from 1 to" },
        { 3, "-1", "steps must be a whole number from 0 to 1,000,000, got '-1'" },
        { 4, "-1", "work ms must be a whole number from 0 to 3,600,000, got '-1'" },
        { 4, "3600001", "work ms must be a whole number from 0 to 3,600,000, got '3600001'" },
        { 5, "-1", "wait ms must be a whole number from 0 to 3,600,000, got '-1'" },
        { 5, "x", "wait ms must be a whole number from 0 to 3,600,000, got 'x'" },
        { 0, "sqr", "kind must be square or cube, got 'sqr'" },
        { 1, "5..1", "inputs: range '5..1' is reversed (5 > 1): write 1..5" },
        { 1, "1..x", "inputs: range '1..x' must have integer ends" },
        { 1, "", "inputs are missing: type an integer, a list such as 2,3,5, or a range such as 1..20" },
        { 1, "a': b", "inputs: N must be an integer, got 'a': b'" }, // the quote's own "': " is not where the problem starts
        { 2, "0", "the pool size must be from 1 to 64 on this machine (2 CPUs)" }, // the screen's machine: 2 cores
        { 2, "65", "got 65" },
        { 2, "two", "workers must be a whole number from 1 to 64, got 'two'" },
    };

    [Theory]
    [MemberData(nameof(PoolCases))]
    public void Pool_BadField_SaysWhatIsWrongInOneLine_StaysOpen_StartsNothing(int field, string text, string expected)
    {
        using Screen s = new(100, 30, begin: false);

        AssertRefused<PoolDialog>(s, 'm', app => SetField(app, field, text), expected);

        s.Harness.AssertNothingStarted();
    }

    public static TheoryData<string, string> CommandCases => new()
    {
        { "echo \"open", "unterminated double quote in command 'echo \"open'" },
        { "", "empty command" },
        { "   ", "empty command" },
        { "ls > out", "shell syntax '>'" },
        { "sleep 1 &", "shell syntax '&'" },
        { "echo $HOME", "shell syntax '$'" },
        { "echo `id`", "shell syntax '`'" },
        { "a; b", "shell syntax ';'" },
    };

    [Theory]
    [MemberData(nameof(CommandCases))]
    public void Command_BadCommand_SaysWhatIsWrongInOneLine_StaysOpen_StartsNothing(string command, string expected)
    {
        using Screen s = new(100, 30, begin: false);

        AssertRefused<CommandDialog>(s, 'x', app => Type(app, command), expected);

        s.Harness.AssertNothingStarted();
    }

    /// <summary>
    /// What the x dialog does with a pasted command too big for exec (E2BIG): named, nothing started. The
    /// check is called directly: Terminal.Gui's TextField takes minutes to take 128 KiB of text.
    /// </summary>
    public static TheoryData<string, string> TooBigCommands => new()
    {
        { "echo " + new string('a', 10 * 1024 * 1024), "argument 2 of the command ('" + new string('a', 37) + "...') is 10,485,760 bytes; at most 131,071 are accepted (Linux's limit for one argument, MAX_ARG_STRLEN)" },
        { "echo " + new string('é', 65_536), "argument 2 of the command ('" + new string('é', 37) + "...') is 131,072 bytes; at most 131,071 are accepted (Linux's limit for one argument, MAX_ARG_STRLEN)" },
        { "echo " + string.Join(' ', Enumerable.Repeat(new string('b', 100_000), 11)), "the arguments of the command add up to 1,100,016 bytes; at most 1,048,576 are accepted (Linux's ARG_MAX, shared with the environment)" },
        { "echo 'a\0b'", "argument 2 of the command ('a^@b') contains a NUL character, which no program argument can hold" },
    };

    [Theory]
    [MemberData(nameof(TooBigCommands))]
    public void Command_TooBigForExec_IsNamedInOneLine_NothingStarts(string command, string expected)
    {
        using Screen s = new(100, 30, begin: false);

        string? problem = CommandDialog.Check(command, s.Resolver, out WorkerSpec? spec);

        Assert.Null(spec);
        Assert.Equal(expected, problem);
    }

    [Fact]
    public void Command_JustUnderTheLimit_IsAWorker()
    {
        using Screen s = new(100, 30, begin: false);
        string word = new('a', ArgumentLimits.MaxArgumentBytes);

        Assert.Null(CommandDialog.Check("echo " + word, s.Resolver, out WorkerSpec? spec));
        Assert.Equal(WorkerSpec.Command(["echo", word]), spec);
    }

    /// <summary>
    /// Opens a dialog with <paramref name="key"/>, fills it, presses Enter, and checks that the error is
    /// one line containing <paramref name="expected"/> and the dialog stays open; then closes it.
    /// </summary>
    private static void AssertRefused<TDialog>(Screen s, char key, Action<IApplication> fill, string expected)
        where TDialog : FormDialog
    {
        TDialog? dialog = null;
        new Script()
            .Then(app => app.InjectKey(new Key(key)))
            .Until(app => (dialog = app.TopRunnableView as TDialog) is not null)
            .Then(app =>
            {
                fill(app);
                app.InjectKey(Key.Enter);
            })
            .Until(_ => dialog!.ErrorText.Length > 0)
            .Then(app =>
            {
                Assert.Contains(expected, dialog!.ErrorText, StringComparison.Ordinal);
                Assert.Equal(dialog.ErrorText, dialog.ErrorText.ReplaceLineEndings(""));
                Assert.Same(dialog, app.TopRunnableView); // still open
                app.InjectKey(Key.Esc);
            })
            .Until(app => app.TopRunnableView is not TDialog)
            .Run(s.App, s.Main);
    }

    private static void Type(IApplication app, string text)
    {
        foreach (char c in text)
        {
            app.InjectKey(new Key(c));
        }
    }

    private static void SetField(IApplication app, int tabs, string text)
    {
        for (int i = 0; i < tabs; i++)
        {
            app.InjectKey(Key.Tab);
        }

        app.InjectKey(Key.End);
        for (int i = 0; i < 12; i++)
        {
            app.InjectKey(Key.Backspace);
        }

        foreach (char c in text)
        {
            app.InjectKey(new Key(c));
        }
    }
}

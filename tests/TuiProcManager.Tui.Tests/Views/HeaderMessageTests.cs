using TuiProcManager.Tui.Views;

namespace TuiProcManager.Tui.Tests.Views;

/// <summary>What the header says when things happen by themselves while a problem is shown.</summary>
public sealed class HeaderMessageTests
{
    [Fact]
    public void ANote_DoesNotReplaceAStandingError()
    {
        // Pins: the native build ends `square:3` within milliseconds of start, and "run ended" replaced the
        // broken theme file's message before the first frame anyone could read.
        using HeaderView header = new();
        header.Say("theme file /home/ann/.config/tuiproc/themes/mine.json is a FIFO, not a regular file; it is skipped", error: true);

        header.Note("run ended: makespan 0.03 s · S: summary");

        Assert.StartsWith("theme file", header.Message, StringComparison.Ordinal);
        Assert.True(header.MessageIsError);
    }

    [Fact]
    public void TheAnswerToAKey_ReplacesTheError_AndThenNotesShowAgain()
    {
        using HeaderView header = new();
        header.Say("settings file settings.json: not valid JSON (line 1); using the defaults", error: true);

        header.Say("spawned 2: square 3");
        header.Note("run ended: makespan 1.00 s · S: summary");

        Assert.Equal("run ended: makespan 1.00 s · S: summary", header.Message);
        Assert.False(header.MessageIsError);
    }

    [Fact]
    public void ANote_ReplacesAnInformationalMessage()
    {
        using HeaderView header = new();
        header.Say("paused 1 (SIGSTOP)");

        header.Note("lab: step 2 of 7 done");

        Assert.Equal("lab: step 2 of 7 done", header.Message);
    }
}

using TuiProcManager.Core.Os;
using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Tests.TestSupport;

namespace TuiProcManager.Tui.Tests.Models;

public sealed class OutputModelTests
{
    private readonly EventBuilder _e = new();

    [Fact]
    public void Lines_GoToTheirWorker_AndToTheMergedView_InOrder()
    {
        OutputModel model = new();
        model.Apply(_e.Line(1, "a"), out _);
        model.Apply(_e.Line(2, "b"), out WorkerId? changed);
        model.Apply(_e.Line(1, "c", OutputChannel.Stderr), out _);

        Assert.Equal(new WorkerId(2), changed);
        Assert.Equal(["a", "c"], model.For(new WorkerId(1)).Lines.ToArray().Select(l => l.Text));
        Assert.Equal([(1, "a"), (2, "b"), (1, "c")], model.Merged.ToArray().Select(l => (l.Worker.Value, l.Text)));
        Assert.Equal(OutputChannel.Stderr, model.Merged[2].Channel);
    }

    [Fact]
    public void Scrollback_IsBounded_AndWhatFellOutIsCounted()
    {
        // A million-line flood must not grow memory: the ring keeps the tail and counts the rest.
        OutputModel model = new(new OutputOptions { LinesPerWorker = 100, MergedLines = 150 });
        for (int i = 0; i < 10_000; i++)
        {
            model.Apply(_e.Line(1, $"line {i}"), out _);
        }

        WorkerOutput output = model.For(new WorkerId(1));
        Assert.Equal((100, 9_900L), (output.Lines.Count, output.Dropped));
        Assert.Equal("line 9999", output.Lines[99].Text);
        Assert.Equal((150, 9_850L), (model.Merged.Count, model.MergedDropped));
    }

    [Fact]
    public void EventsTheUiNeverGot_CountAsDropped()
    {
        OutputModel model = new();
        model.Apply(_e.Dropped(1, 1234), out WorkerId? changed);

        Assert.Equal(new WorkerId(1), changed);
        Assert.Equal(1234, model.For(new WorkerId(1)).Dropped);
    }

    [Theory]
    [InlineData("\u001b]0;pwned\u0007", "^[]0;pwned^G")]
    [InlineData("\u001b[2J", "^[[2J")]
    [InlineData("a\tb", "a       b")]
    public void Text_IsMadeSafeForTheTerminal(string raw, string shown)
    {
        OutputModel model = new();
        model.Apply(_e.Line(1, raw), out _);
        Assert.Equal(shown, model.Merged[0].Text);
    }

    [Fact]
    public void LongLine_IsCutWithACount_SoOneLineCannotEatTheMemory()
    {
        OutputModel model = new(new OutputOptions { MaxLineChars = 10 });
        model.Apply(_e.Line(1, new string('x', 25)), out _);
        Assert.Equal("xxxxxxxxxx … [15 more characters]", model.Merged[0].Text);
    }

    [Fact]
    public void Find_ForwardAndBack_IgnoresCase_AndWraps()
    {
        OutputModel model = new();
        foreach (string text in new[] { "alpha", "Square: 100", "beta", "square 10: step 1/5", "gamma" })
        {
            model.Apply(_e.Line(1, text), out _);
        }

        BoundedRing<OutputEntry> lines = model.Merged;
        Assert.Equal(1, OutputModel.Find(lines, "SQUARE", -1, forward: true));
        Assert.Equal(3, OutputModel.Find(lines, "square", 1, forward: true));
        Assert.Equal(1, OutputModel.Find(lines, "square", 3, forward: true)); // wraps around
        Assert.Equal(3, OutputModel.Find(lines, "square", 1, forward: false)); // back, wrapping
        Assert.Null(OutputModel.Find(lines, "delta", 0, forward: true));
    }
}

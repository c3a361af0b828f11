using TuiProcManager.Tui.Hosting;

namespace TuiProcManager.Tui.Tests.Hosting;

/// <summary>
/// The main loop's pacing around keys: the frame rate holds for everything else, and a key is not made to
/// wait for it (issue 18: a dialog came up to three frames after its key, whatever the machine's speed).
/// </summary>
public sealed class LoopPacerTests
{
    private static readonly int Frame = 1000 / LoopPacer.FramesPerSecond;

    [Fact]
    public void WithoutAKey_AnIterationRightAfterAnother_WaitsTheRestOfTheFrame()
    {
        using LoopPacer pacer = new();
        pacer.BeforeIteration(timers: null);

        Assert.Equal(Frame, pacer.FrameWait(pacer.LastIteration));
        Assert.Equal(Frame - 10, pacer.FrameWait(pacer.LastIteration + 10));
        Assert.Equal(0, pacer.FrameWait(pacer.LastIteration + Frame));
    }

    [Fact]
    public void AfterAKey_TheNextThreeIterationsDoNotWait_ThenTheFrameRateHoldsAgain()
    {
        // Three: the iteration that takes the key, the one that runs what it put off (a dialog), the dialog's first.
        using LoopPacer pacer = new();
        pacer.BeforeIteration(timers: null);
        pacer.KeyQueued();

        int[] waits = [.. Enumerable.Range(0, LoopPacer.HurriedIterations + 1).Select(_ => pacer.FrameWait(pacer.LastIteration))];

        Assert.Equal([.. Enumerable.Repeat(0, LoopPacer.HurriedIterations), Frame], waits);
    }

    [Fact]
    public void KeysHeldDown_EachKeyBuysOnlyItsOwnIterations()
    {
        // A key repeat or a paste must not unpace the loop for longer than its keys keep coming.
        using LoopPacer pacer = new();
        pacer.BeforeIteration(timers: null);
        pacer.KeyQueued();
        _ = pacer.FrameWait(pacer.LastIteration);
        pacer.KeyQueued(); // another before the first's iterations are used up: three again, not five

        int hurried = 0;
        while (pacer.FrameWait(pacer.LastIteration) == 0 && hurried < 10)
        {
            hurried++;
        }

        Assert.Equal(LoopPacer.HurriedIterations, hurried);
    }
}

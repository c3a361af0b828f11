using TuiProcManager.Core.Os;
using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Models;

namespace TuiProcManager.Tui.Tests.Models;

public sealed class ShownLinesTests
{
    private static OutputEntry Entry(int n, OutputChannel channel) =>
        new(new WorkerId(1), channel, $"{channel} {n}", n, EventBuilder.T0);

    /// <summary>Lines 1..count, every third one stderr.</summary>
    private static void AddLines(BoundedRing<OutputEntry> ring, int from, int count)
    {
        for (int n = from; n < from + count; n++)
        {
            ring.Add(Entry(n, n % 3 == 0 ? OutputChannel.Stderr : OutputChannel.Stdout));
        }
    }

    [Theory]
    [InlineData("Stdout", new[] { "Stdout 1", "Stdout 2", "Stdout 4", "Stdout 5" })]
    [InlineData("Stderr", new[] { "Stderr 3", "Stderr 6" })]
    [InlineData("Both", new[] { "Stdout 1", "Stdout 2", "Stderr 3", "Stdout 4", "Stdout 5", "Stderr 6" })]
    public void Filter_ShowsOnlyItsStream_InTheOrderRead(string filter, string[] expected)
    {
        BoundedRing<OutputEntry> ring = new(100);
        AddLines(ring, 1, 6);
        ShownLines shown = new();

        shown.Show(ring, Enum.Parse<OutputFilter>(filter));

        Assert.Equal(expected, Enumerable.Range(0, shown.Count).Select(i => shown[i].Text));
    }

    [Fact]
    public void Sync_TakesNewLines_AndForgetsTheEvicted_CountingThem()
    {
        // A flood: the scrollback evicts while the filter's index must keep pointing at the right lines.
        BoundedRing<OutputEntry> ring = new(10);
        ShownLines shown = new();
        shown.Show(ring, OutputFilter.Stderr);
        AddLines(ring, 1, 9); // stderr: 3, 6, 9
        shown.Sync();
        Assert.Equal(["Stderr 3", "Stderr 6", "Stderr 9"], Enumerable.Range(0, shown.Count).Select(i => shown[i].Text));

        AddLines(ring, 10, 8); // lines 8..17 kept: stderr 9, 12, 15; 3 and 6 evicted
        shown.Sync();

        Assert.Equal(["Stderr 9", "Stderr 12", "Stderr 15"], Enumerable.Range(0, shown.Count).Select(i => shown[i].Text));
        Assert.Equal(2, shown.Evicted);
    }

    [Fact]
    public void Sync_AfterTheScrollbackWasEmptied_StartsOver()
    {
        BoundedRing<OutputEntry> ring = new(10);
        ShownLines shown = new();
        shown.Show(ring, OutputFilter.Stdout);
        AddLines(ring, 1, 5);
        shown.Sync();

        ring.Clear(); // a session's snapshot again: the same lines come back
        AddLines(ring, 1, 5);
        shown.Sync();

        Assert.Equal(["Stdout 1", "Stdout 2", "Stdout 4", "Stdout 5"], Enumerable.Range(0, shown.Count).Select(i => shown[i].Text));
    }
}

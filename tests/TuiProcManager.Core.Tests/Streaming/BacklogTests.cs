using TuiProcManager.Core.Streaming;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Tests.Streaming;

public sealed class BacklogTests
{
    // Small limits: 8 lines or 100 chars of one worker, 20 lines or 400 chars in all, 3 lines to be held for the total.
    private static readonly BacklogLimits Limits = new(8, 100, 20, 400, 3);
    private static readonly WorkerId One = new(1), Two = new(2), Three = new(3);

    [Fact]
    public void Added_BeyondTheWorkerLimit_HoldsItOnce()
    {
        Backlog b = new(Limits);
        bool[] holds = [.. Enumerable.Range(0, 12).Select(_ => b.Added(One, 1))];

        Assert.Equal([false, false, false, false, false, false, false, false, true, false, false, false], holds);
        Assert.Equal([One], b.Held);
    }

    [Fact]
    public void Added_BeyondTheWorkerCharacters_Holds()
    {
        Backlog b = new(Limits);

        Assert.False(b.Added(One, 60));
        Assert.True(b.Added(One, 60)); // 120 chars, 2 lines
    }

    [Fact]
    public void Removed_ReleasesOnlyOnceDownToAQuarter_SoThatAKeptUpConsumerDoesNotFlapIt()
    {
        // Pins: a hold let go as soon as the backlog dips under the limit flapped a flooding worker on every line.
        Backlog b = new(Limits);
        for (int i = 0; i < 9; i++)
        {
            b.Added(One, 1);
        }

        List<WorkerId> released = [];
        for (int i = 0; i < 6; i++)
        {
            b.Removed(One, 1, 1);
            b.CollectReleases(released);
            Assert.Empty(released); // 8 … 3 queued: above a quarter of 8
        }

        b.Removed(One, 1, 1);
        b.CollectReleases(released);

        Assert.Equal([One], released); // 2 queued
        Assert.Empty(b.Held);
    }

    [Fact]
    public void TotalLimit_HoldsTheWorkersWithABacklog_NotOneThatPrintsNowAndThen()
    {
        // Worker limits out of reach: only the total (20 lines) can hold anyone here.
        Backlog b = new(new BacklogLimits(50, 10_000, 20, 10_000, 3));
        for (int i = 0; i < 10; i++)
        {
            Assert.False(b.Added(One, 1));
        }

        for (int i = 0; i < 9; i++)
        {
            Assert.False(b.Added(Two, 1));
        }

        Assert.False(b.Added(Three, 1)); // 20 in all: not beyond

        Assert.True(b.Added(One, 1)); // 21
        Assert.True(b.Added(Two, 1)); // 22
        Assert.False(b.Added(Three, 1)); // 23, but it has 2 lines queued: below the 3 that it takes
        Assert.Equal([One, Two], b.Held.OrderBy(w => w.Value));

        Assert.True(b.Added(Three, 1)); // now it has 3 waiting on a consumer that is far behind
    }

    [Fact]
    public void TotalLimit_AQuietWorkerBelowTheMinimum_IsNeverHeld()
    {
        Backlog b = new(Limits);
        for (int i = 0; i < 30; i++)
        {
            b.Added(One, 1);
        }

        Assert.False(b.Added(Three, 1));
        Assert.False(b.Added(Three, 1)); // 32 in all, far over; 2 lines: below the 3 that the total needs to hold it
        Assert.Equal([One], b.Held);
    }

    [Fact]
    public void CollectReleases_WhileTheTotalIsStillHigh_KeepsEveryoneHeld()
    {
        Backlog b = new(Limits);
        for (int i = 0; i < 9; i++)
        {
            b.Added(One, 1);
        }

        for (int i = 0; i < 12; i++)
        {
            b.Added(Two, 1); // Two over its own limit too; 21 in all
        }

        List<WorkerId> released = [];
        for (int i = 0; i < 8; i++)
        {
            b.Removed(One, 1, 1); // One down to 1, but 13 in all: over half of 20
        }

        b.CollectReleases(released);
        Assert.Empty(released);

        for (int i = 0; i < 4; i++)
        {
            b.Removed(Two, 1, 1); // 9 in all
        }

        b.CollectReleases(released);
        Assert.Equal([One], released); // Two still has 8 of its own
    }

    [Fact]
    public void ReleaseAll_LetsGoOfEveryHeldWorker()
    {
        Backlog b = new(Limits);
        for (int i = 0; i < 9; i++)
        {
            b.Added(One, 1);
            b.Added(Two, 1);
        }

        List<WorkerId> released = [];
        b.ReleaseAll(released);

        Assert.Equal([One, Two], released.OrderBy(w => w.Value));
        Assert.Empty(b.Held);
    }
}

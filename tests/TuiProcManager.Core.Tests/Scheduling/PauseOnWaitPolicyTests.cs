using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Tests.Scheduling;

public sealed class PauseOnWaitPolicyTests
{
    private static readonly WorkerId A = new(1), B = new(2), C = new(3), D = new(4);
    private readonly List<SlotDecision> _decisions = [];

    [Fact]
    public void Admit_FirstWorkerGetsTheSlot_OthersAreStoppedAndQueuedInOrder()
    {
        PauseOnWaitPolicy p = new(1);

        p.Admit(A, "spawned", stopped: false, _decisions);
        p.Admit(B, "spawned", stopped: false, _decisions);
        p.Admit(C, "spawned", stopped: false, _decisions);

        Assert.Equal([A], p.Holders);
        Assert.Equal([B, C], p.Queue);
        Assert.Equal(
            [(A, SlotChange.Granted, false), (B, SlotChange.Queued, true), (C, SlotChange.Queued, true)],
            _decisions.Select(d => (d.Worker, d.Change, d.Signal)));
        Assert.Contains("2 in line", _decisions[2].Why, StringComparison.Ordinal);
    }

    [Fact]
    public void HolderStartsWaiting_ReleasesItsSlot_AndTheFirstInLineIsContinued()
    {
        PauseOnWaitPolicy p = Started(1, A, B, C);

        p.Observe(A, WorkerState.Waiting, _decisions);

        Assert.Equal(
            [(A, SlotChange.Released, false), (B, SlotChange.Granted, true)],
            _decisions.Select(d => (d.Worker, d.Change, d.Signal)));
        Assert.Equal([B], p.Holders);
        Assert.Equal([C], p.Queue);
        Assert.Contains("worker 1 started waiting", _decisions[1].Why, StringComparison.Ordinal);
    }

    [Fact]
    public void WaitingWorkerWakesWhileTheSlotIsTaken_IsStoppedAndQueuedBehindTheOthers()
    {
        PauseOnWaitPolicy p = Started(1, A, B, C);
        p.Observe(A, WorkerState.Waiting, _decisions); // B runs, C queued
        _decisions.Clear();

        p.Observe(A, WorkerState.Running, _decisions);

        SlotDecision d = Assert.Single(_decisions);
        Assert.Equal((A, SlotChange.Queued, true), (d.Worker, d.Change, d.Signal));
        Assert.Equal([C, A], p.Queue); // first come, first served: C was in line before A woke
    }

    [Fact]
    public void WaitingWorkerWakesWithASlotFree_TakesItWithoutASignal()
    {
        PauseOnWaitPolicy p = Started(1, A);
        p.Observe(A, WorkerState.Waiting, _decisions);
        _decisions.Clear();

        p.Observe(A, WorkerState.Running, _decisions);

        SlotDecision d = Assert.Single(_decisions);
        Assert.Equal((A, SlotChange.Granted, false), (d.Worker, d.Change, d.Signal));
    }

    [Fact]
    public void WorkerThatNeverWaits_KeepsTheSlotUntilItEnds_ThenTheNextGetsIt()
    {
        PauseOnWaitPolicy p = Started(1, A, B);
        for (int i = 0; i < 100; i++)
        {
            p.Observe(A, WorkerState.Running, _decisions);
            p.Observe(B, WorkerState.Paused, _decisions); // queued: stopped by us
        }

        Assert.Empty(_decisions);
        p.Forget(A, "ended", _decisions);

        Assert.Equal([(A, SlotChange.Left), (B, SlotChange.Granted)], _decisions.Select(d => (d.Worker, d.Change)));
        Assert.Equal([B], p.Holders);
    }

    [Fact]
    public void WorkerKilledWhileQueued_LeavesTheQueue_AndIsNeverContinued()
    {
        PauseOnWaitPolicy p = Started(1, A, B, C);

        p.Forget(B, "killed", _decisions);
        p.Observe(A, WorkerState.Waiting, _decisions);

        Assert.Equal([C], p.Holders);
        Assert.Empty(p.Queue);
        Assert.DoesNotContain(_decisions, d => d.Worker == B && d.Change == SlotChange.Granted);
        Assert.False(p.Governs(B));
    }

    [Fact]
    public void TwoSlots_TwoRunAtOnce_AndEachReleaseGrantsOne()
    {
        PauseOnWaitPolicy p = Started(2, A, B, C, D);
        Assert.Equal([A, B], p.Holders);
        Assert.Equal([C, D], p.Queue);

        p.Observe(B, WorkerState.Waiting, _decisions);
        Assert.Equal([A, C], p.Holders);
        p.Observe(A, WorkerState.Waiting, _decisions);
        Assert.Equal([C, D], p.Holders);

        p.Observe(B, WorkerState.Running, _decisions); // woke: both slots taken
        Assert.Equal([B], p.Queue);
        Assert.True(p.Holders.Count <= 2);
    }

    [Fact]
    public void SetSlots_Raised_GrantsFromTheQueue_Lowered_QueuesTheLatestHoldersAtTheFront()
    {
        PauseOnWaitPolicy p = Started(1, A, B, C, D);

        p.SetSlots(3, _decisions);
        Assert.Equal([A, B, C], p.Holders);
        Assert.Equal([D], p.Queue);
        _decisions.Clear();

        p.SetSlots(1, _decisions);
        Assert.Equal([A], p.Holders);
        Assert.Equal([B, C, D], p.Queue);
        Assert.All(_decisions, d => Assert.Equal((SlotChange.Queued, true), (d.Change, d.Signal)));
    }

    [Fact]
    public void ForgetAll_ContinuesTheQueuedOnly()
    {
        PauseOnWaitPolicy p = Started(1, A, B);
        p.AddWaiting(C);

        p.ForgetAll("parallel mode", _decisions);

        Assert.Equal(
            [(A, false), (B, true), (C, false)],
            _decisions.Select(d => (d.Worker, d.Signal)));
        Assert.Empty(p.Holders);
        Assert.Empty(p.Queue);
    }

    [Fact]
    public void ResumedByUserWhileTheSlotIsTaken_StaysStoppedInTheQueue()
    {
        PauseOnWaitPolicy p = Started(1, A);

        p.Admit(B, "resumed by the user", stopped: true, _decisions);

        SlotDecision d = Assert.Single(_decisions);
        Assert.Equal((SlotChange.Queued, false), (d.Change, d.Signal)); // already stopped: no SIGSTOP needed
        _decisions.Clear();
        p.Observe(A, WorkerState.Waiting, _decisions);
        Assert.Equal((B, SlotChange.Granted, true), (_decisions[^1].Worker, _decisions[^1].Change, _decisions[^1].Signal));
    }

    [Fact]
    public void UngovernedWorkers_AreIgnored()
    {
        PauseOnWaitPolicy p = Started(1, A);

        p.Observe(B, WorkerState.Running, _decisions);
        p.Forget(B, "ended", _decisions);

        Assert.Empty(_decisions);
    }

    [Fact]
    public void RandomRuns_NeverMoreHoldersThanSlots_AndQueueIsFirstComeFirstServed()
    {
        Random random = new(4);
        for (int run = 0; run < 200; run++)
        {
            int slots = random.Next(1, 4);
            PauseOnWaitPolicy p = new(slots);
            List<WorkerId> queueModel = [];
            for (int step = 0; step < 200; step++)
            {
                WorkerId w = new(random.Next(1, 8));
                int action = random.Next(4);
                _decisions.Clear();
                if (action == 0)
                {
                    p.Admit(w, "spawned", stopped: false, _decisions);
                }
                else if (action == 1)
                {
                    p.Forget(w, "ended", _decisions);
                }
                else
                {
                    p.Observe(w, action == 2 ? WorkerState.Waiting : WorkerState.Running, _decisions);
                }

                Assert.True(p.Holders.Count <= slots);
                Assert.True(p.Queue.Count == 0 || p.Holders.Count == slots, "a slot is free while someone waits in the queue");
                Assert.Equal(p.Holders.Count, p.Holders.Distinct().Count());
                Assert.Empty(p.Holders.Intersect(p.Queue));

                // Whoever was granted from the queue was at its head.
                foreach (SlotDecision d in _decisions)
                {
                    if (d.Change == SlotChange.Queued)
                    {
                        queueModel.Add(d.Worker);
                    }
                    else if (queueModel.Contains(d.Worker))
                    {
                        if (d.Change == SlotChange.Granted)
                        {
                            Assert.Equal(queueModel[0], d.Worker);
                        }

                        queueModel.Remove(d.Worker);
                    }
                }
            }
        }
    }

    private PauseOnWaitPolicy Started(int slots, params WorkerId[] workers)
    {
        PauseOnWaitPolicy p = new(slots);
        foreach (WorkerId w in workers)
        {
            p.Admit(w, "spawned", stopped: false, _decisions);
        }

        _decisions.Clear();
        return p;
    }
}

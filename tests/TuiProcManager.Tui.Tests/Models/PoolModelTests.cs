using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Tests.TestSupport;

namespace TuiProcManager.Tui.Tests.Models;

public sealed class PoolModelTests
{
    private readonly EventBuilder _e = new();
    private readonly PoolModel _model = new();

    private void Feed(params Core.Events.SupervisorEvent[] events)
    {
        foreach (Core.Events.SupervisorEvent e in events)
        {
            _model.Apply(e);
        }
    }

    /// <summary>A pool of 2 over square:1..6, one input in flight per worker: worker 1 on input 0, worker 2 on input 1.</summary>
    private PoolState TwoWorkersStarted()
    {
        Feed(
            _e.PoolStarted(1, "square:1..6", size: 2),
            _e.PoolWorker(1, 1, pid: 501), _e.Assigned(1, 1, 0),
            _e.PoolWorker(2, 1, pid: 502), _e.Assigned(2, 1, 1));
        return _model.Latest!;
    }

    [Fact]
    public void Started_EveryInputQueued_UntilAssigned_ThenOnePerWorkerRunning()
    {
        _model.Apply(_e.PoolStarted(1, "square:1..6", size: 2));
        Assert.Equal((6, 0, 0, 0), (_model.Latest!.Queued, _model.Latest.Running, _model.Latest.Succeeded, _model.Latest.Failed));

        PoolState pool = TwoWorkersStarted();

        Assert.Equal((4, 2), (pool.Queued, pool.Running));
        Assert.Equal([501, 502], pool.Workers.Select(w => w.Pid!.Value));
        Assert.Equal(0, pool.Workers[0].Current);
        Assert.Equal(1, pool.Workers[1].Current);
    }

    [Fact]
    public void Result_CountsForTheWorker_AndItsNextInputIsWhatItComputes()
    {
        PoolState pool = TwoWorkersStarted();

        Feed(_e.Result(1, 1, pool: 1, index: 0), _e.Assigned(1, 1, 2));

        Assert.Equal((3, 2, 1, 0), (pool.Queued, pool.Running, pool.Succeeded, pool.Failed));
        Assert.Equal(1, pool.Workers[0].Done);
        Assert.Equal(2, pool.Workers[0].Current);
    }

    [Fact]
    public void Window_InputsQueuedAtAWorker_AreQueuedNotRunning_TheFirstIsTheOneComputed()
    {
        Feed(_e.PoolStarted(1, "square:1..6", size: 1, window: 3), _e.PoolWorker(1, 1), _e.Assigned(1, 1, 0), _e.Assigned(1, 1, 1), _e.Assigned(1, 1, 2));
        PoolState pool = _model.Latest!;

        Assert.Equal((5, 1), (pool.Queued, pool.Running));
        Assert.Equal([0, 1, 2], pool.Workers[0].InFlight);
    }

    [Fact]
    public void KilledMidTask_TheInputFailsWithItsReason_TheReplacementTakesOver_NothingIsCountedTwice()
    {
        // Pins what the supervisor sends when a pool worker is killed: the end, the failure of its input,
        // the replacement's spawn and first input, then the replacement notice.
        PoolState pool = TwoWorkersStarted();

        Feed(
            _e.Ended(1, WorkerExit.Signaled(9, "SIGKILL")),
            _e.Result(1, 1, error: "worker 1 killed by SIGKILL while computing it", pool: 1, index: 0),
            _e.PoolWorker(3, 1, pid: 503), _e.Assigned(3, 1, 2),
            _e.Replaced(1, 1, replacement: 3));

        Assert.Equal((3, 2, 0, 1), (pool.Queued, pool.Running, pool.Succeeded, pool.Failed));
        PoolWorkerRow killed = pool.Find(new WorkerId(1))!;
        Assert.Null(killed.Current);
        Assert.Equal("killed by SIGKILL", killed.Exit!.ToString());
        Assert.Equal(new WorkerId(3), killed.ReplacedBy);
        Assert.Equal(503, pool.Find(new WorkerId(3))!.Pid);
        PoolFailure failure = Assert.Single(pool.Failures);
        Assert.Equal("square(1) failed: worker 1 killed by SIGKILL while computing it", failure.Text);
    }

    [Fact]
    public void KilledWithInputsQueuedBehind_TheyGoBackToTheQueue_NotLost()
    {
        Feed(_e.PoolStarted(1, "square:1..4", size: 1, window: 3), _e.PoolWorker(1, 1), _e.Assigned(1, 1, 0), _e.Assigned(1, 1, 1), _e.Assigned(1, 1, 2));
        PoolState pool = _model.Latest!;

        Feed(_e.Ended(1, WorkerExit.Signaled(9, "SIGKILL")), _e.Result(1, 1, error: "worker 1 killed by SIGKILL while computing it", pool: 1, index: 0));

        Assert.Equal((3, 0, 1), (pool.Queued, pool.Running, pool.Failed));
    }

    [Fact]
    public void NoReplacementCouldStart_IsShown_AndTheOutcomeCountsWhatNeverRan()
    {
        PoolState pool = TwoWorkersStarted();
        Feed(
            _e.Ended(1, WorkerExit.Signaled(9, "SIGKILL")),
            _e.Result(1, 1, error: "worker 1 killed by SIGKILL while computing it", pool: 1, index: 0),
            _e.Replaced(1, 1, replacement: null),
            _e.Result(2, 2, pool: 1, index: 1),
            _e.Ended(2),
            _e.PoolFinished(1, succeeded: 1, failed: 1, notRun: 4));

        Assert.True(pool.Find(new WorkerId(1))!.ReplacementFailed);
        Assert.Equal((0, 0, 1, 1, 4), (pool.Queued, pool.Running, pool.Succeeded, pool.Failed, pool.NotRun));
        Assert.Equal(new PoolOutcome(1, 1, 4), pool.Outcome);
    }

    [Fact]
    public void Failures_OnlyTheLatestAreKept_AllAreCounted()
    {
        int inputs = PoolState.MaxFailuresKept + 50;
        Feed(_e.PoolStarted(1, $"square:1..{inputs}", size: 1), _e.PoolWorker(1, 1));
        for (int i = 0; i < inputs; i++)
        {
            Feed(_e.Assigned(1, 1, i), _e.Result(1, i + 1, error: "it failed", pool: 1, index: i));
        }

        PoolState pool = _model.Latest!;
        Assert.Equal(inputs, pool.Failed);
        Assert.Equal(PoolState.MaxFailuresKept, pool.Failures.Count);
        Assert.Equal(inputs - 1, pool.Failures.Last().Index);
    }

    [Fact]
    public void SecondPool_IsTheLatest_EachWorkerStaysWithItsOwn()
    {
        TwoWorkersStarted();
        Feed(_e.PoolStarted(2, "cube:2,3", size: 1), _e.PoolWorker(3, 2), _e.Assigned(3, 2, 0));

        Assert.Equal(new PoolId(2), _model.Latest!.Id);
        Assert.Equal(new PoolId(1), _model.Of(new WorkerId(1))!.Id);
        Assert.Equal(new PoolId(2), _model.Of(new WorkerId(3))!.Id);
        Assert.Null(_model.Of(new WorkerId(9)));
    }

    [Fact]
    public void SingleWorkersResults_AreNotAPools()
    {
        TwoWorkersStarted();
        Assert.False(_model.Apply(_e.Spawned(7)));
        Assert.False(_model.Apply(_e.Result(7, 10)));
        Assert.Equal(0, _model.Latest!.Succeeded);
    }
}

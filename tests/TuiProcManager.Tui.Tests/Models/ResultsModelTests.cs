using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Tests.TestSupport;

namespace TuiProcManager.Tui.Tests.Models;

public sealed class ResultsModelTests
{
    private readonly EventBuilder _e = new();

    [Fact]
    public void Results_OfSingleAndPoolWorkers_InArrivalOrder_WithWorkerPidAndTime()
    {
        ResultsModel model = new();
        model.Apply(_e.Spawned(1, pid: 4001));
        model.Apply(_e.PoolWorker(2, 1, pid: 4002));
        _e.Now = EventBuilder.T0.AddSeconds(1);
        Assert.True(model.Apply(_e.Result(1, 10)));
        Assert.True(model.Apply(_e.Result(2, 6, pool: 1, index: 5)));

        Assert.Equal(
            [new ResultEntry(EventBuilder.T0.AddSeconds(1), new WorkerId(1), 4001, "square(10) = 100", false),
             new ResultEntry(EventBuilder.T0.AddSeconds(1), new WorkerId(2), 4002, "square(6) = 36", false)],
            model.Rows.ToArray());
        Assert.Equal((2, 2, 0), (model.Total, model.Succeeded, model.Failed));
    }

    [Fact]
    public void KilledWorkersInput_IsAFailedRowWithTheReason()
    {
        ResultsModel model = new();
        model.Apply(_e.PoolWorker(1, 1));
        model.Apply(_e.Ended(1, WorkerExit.Signaled(9, "SIGKILL")));
        model.Apply(_e.Result(1, 3, error: "worker 1 killed by SIGKILL while computing it", pool: 1, index: 2));
        model.Apply(_e.PoolWorker(2, 1)); // the replacement
        model.Apply(_e.Result(2, 3 + 1, pool: 1, index: 3));

        Assert.Equal(["square(3) failed: worker 1 killed by SIGKILL while computing it", "square(4) = 16"], model.Rows.ToArray().Select(r => r.Text));
        Assert.Equal([true, false], model.Rows.ToArray().Select(r => r.Failed));
        Assert.Equal([new WorkerId(1), new WorkerId(2)], model.Rows.ToArray().Select(r => r.Worker));
        Assert.Equal((2, 1, 1), (model.Total, model.Succeeded, model.Failed));
    }

    [Fact]
    public void Bounded_KeepsTheLatestRows_CountsEveryOne()
    {
        // A pool can have 100,000 inputs: the panel keeps the latest rows, not all of them.
        ResultsModel model = new(maxRows: 3);
        for (int n = 1; n <= 10; n++)
        {
            model.Apply(_e.Result(1, n, error: n % 5 == 0 ? "failed" : null));
        }

        Assert.Equal(["square(8) = 64", "square(9) = 81", "square(10) failed: failed"], model.Rows.ToArray().Select(r => r.Text));
        Assert.Equal((10, 8, 2, 7), (model.Total, model.Succeeded, model.Failed, model.Dropped));
    }

    [Fact]
    public void DefaultBound_IsTenThousandRows()
    {
        ResultsModel model = new();
        for (int n = 0; n < ResultsModel.DefaultMaxRows + 5; n++)
        {
            model.Apply(_e.Result(1, n));
        }

        Assert.Equal(ResultsModel.DefaultMaxRows, model.Rows.Count);
        Assert.Equal(ResultsModel.DefaultMaxRows + 5, model.Total);
    }

    [Fact]
    public void HugeResult_IsCut_AndControlCharactersAreShownAsText()
    {
        ResultsModel model = new();
        model.Apply(new Core.Events.ResultRecorded(1, EventBuilder.T0, new WorkerId(1), WorkerKind.Square, "7", new string('9', 5_000), null));
        model.Apply(new Core.Events.ResultRecorded(2, EventBuilder.T0, new WorkerId(1), WorkerKind.Square, "7", null, "bad\u001b[2J"));

        Assert.True(model.Rows[0].Text.Length < ResultsModel.MaxTextChars + 100);
        Assert.DoesNotContain('\u001b', model.Rows[1].Text);
    }

    [Fact]
    public void OtherEvents_AddNoRow()
    {
        ResultsModel model = new();
        Assert.False(model.Apply(_e.Line(1, "Square: 100")));
        Assert.False(model.Apply(_e.Snapshot(SchedulingMode.Parallel, 1, _e.Info(1, WorkerState.Running))));
        Assert.Equal(0, model.Total);
    }
}

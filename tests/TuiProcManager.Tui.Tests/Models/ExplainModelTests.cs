using TuiProcManager.Core.Workers;
using TuiProcManager.Labs.Explaining;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Tests.TestSupport;

namespace TuiProcManager.Tui.Tests.Models;

public sealed class ExplainModelTests
{
    private static readonly ExplainTexts Texts = ExplainTexts.Load(BuiltIn.Files, BuiltIn.ExplainTexts);
    private readonly EventBuilder _e = new();

    [Fact]
    public void ABurstOfStateFlips_KeepsOneEntryPerWorker_WithACount()
    {
        ExplainModel model = new(new Explainer(Texts, 2));
        model.Apply(_e.Spawned(1));
        model.Apply(_e.Spawned(2));
        for (int i = 0; i < 10; i++)
        {
            model.Apply(_e.State(1, WorkerState.Running, WorkerState.Waiting));
            model.Apply(_e.State(2, WorkerState.Waiting, WorkerState.Running));
        }

        Assert.Equal(["spawn", "spawn", "state.waiting", "state.running"], model.Entries.Select(e => e.Latest.Topic));
        Assert.Equal([1, 1, 10, 10], model.Entries.Select(e => e.Count));
    }

    [Fact]
    public void AnActionBetweenFlips_StartsANewRunOfStateEntries()
    {
        ExplainModel model = new(new Explainer(Texts, 2));
        model.Apply(_e.Spawned(1));
        model.Apply(_e.State(1, WorkerState.Running, WorkerState.Waiting));
        model.Apply(_e.JoinStarted(1));
        model.Apply(_e.State(1, WorkerState.Waiting, WorkerState.Running));

        Assert.Equal(["spawn", "state.waiting", "join", "state.running"], model.Entries.Select(e => e.Latest.Topic));
    }

    [Fact]
    public void OutputLines_AreNotEntries_AndTheModelIsBounded()
    {
        ExplainModel model = new(new Explainer(Texts, 2));
        Assert.False(model.Apply(_e.Line(1, "Square: 100")));
        for (int i = 0; i < ExplainModel.Capacity + 50; i++)
        {
            model.Apply(_e.Spawned(i));
        }

        Assert.Equal(ExplainModel.Capacity, model.Entries.Count);
    }
}

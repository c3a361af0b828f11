using Terminal.Gui.ViewBase;
using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Tests.TestSupport;

namespace TuiProcManager.Tui.Tests.Views;

/// <summary>
/// A screen of sleeping workers is not drawn again each second: the samples that come every second change
/// nothing on it, and Terminal.Gui's layout and draw pass over the window cost the idle app more than
/// anything it drew (the goal: idle at most 0.3% of a core).
/// </summary>
[Collection(GlobalUiState.Name)]
public sealed class IdleRedrawTests
{
    private readonly EventBuilder _e = new();

    [Fact]
    public void SleepingWorkers_TheNextSecondsSamples_LeaveEveryViewClean()
    {
        using Screen s = new(120, 35);
        s.Feed(_e.Spawned(1, WorkerSpec.Command(["sleep", "1000"])), _e.Spawned(2, WorkerSpec.Command(["sleep", "1000"])),
            _e.State(1, WorkerState.Starting, WorkerState.Waiting), _e.State(2, WorkerState.Starting, WorkerState.Waiting));
        for (int second = 0; second < 30; second++) // the lanes fill with waiting cells
        {
            Tick(s);
        }

        Tick(s, draw: false);

        string[] dirty = [.. Views(s.Main).Where(v => v.NeedsDraw || v.NeedsLayout).Select(v => $"{v.GetType().Name} '{v.Title}'")];
        Assert.True(dirty.Length == 0, "drawn again: " + string.Join(", ", dirty) + "\n" + s.Text);
    }

    /// <summary>One second on: each worker's sample (asleep, no new CPU time) and the machine's.</summary>
    private void Tick(Screen s, bool draw = true)
    {
        _e.Now = _e.Now.AddSeconds(1);
        s.Now = _e.Now;
        Core.Events.SupervisorEvent[] second = [_e.SampleWithTime(1, 0, TimeSpan.FromMilliseconds(20)), _e.SampleWithTime(2, 0, TimeSpan.FromMilliseconds(20)), _e.Machine(0, 0)];
        if (draw)
        {
            s.Feed(second); // and drawn
        }
        else
        {
            s.Main.Apply(second);
        }
    }

    private static IEnumerable<View> Views(View root) => [root, .. root.SubViews.SelectMany(Views)];
}

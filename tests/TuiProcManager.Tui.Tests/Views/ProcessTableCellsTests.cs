using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Tests.TestSupport;
using TuiProcManager.Tui.Theming;
using TuiProcManager.Tui.Views;

namespace TuiProcManager.Tui.Tests.Views;

/// <summary>
/// The process table's cells of a sleeping worker do not change with the clock: its wall-clock UP column
/// ticked every second, and over SSH that was most of what a screen of sleeping workers sent (the goal:
/// 0 bytes while nothing visible changes). TIME is the CPU time used; how long a worker ran is told with its exit.
/// </summary>
public sealed class ProcessTableCellsTests
{
    private const int Time = 6, Exit = 7;
    private readonly EventBuilder _e = new();
    private readonly ProcessTableModel _model = new();

    [Fact]
    public void SleepingWorker_SameCells_TenSecondsLater()
    {
        _model.Apply(_e.Spawned(1));
        _model.Apply(_e.State(1, WorkerState.Starting, WorkerState.Waiting));
        _model.Apply(_e.SampleWithTime(1, 0, TimeSpan.FromMilliseconds(40)));
        string[] before = Row(_e.Now.AddSeconds(1));

        _e.Now = _e.Now.AddSeconds(10);
        _model.Apply(_e.SampleWithTime(1, 0, TimeSpan.FromMilliseconds(40)));

        Assert.Equal(before, Row(_e.Now.AddSeconds(1)));
        Assert.Equal("TIME", Source(_e.Now).ColumnNames[Time]);
        Assert.Equal("0:00.04", before[Time]);
    }

    [Fact]
    public void RunningWorker_TimeIsItsCpuTime_ToTheHundredth()
    {
        _model.Apply(_e.Spawned(1));
        _model.Apply(_e.SampleWithTime(1, 100, TimeSpan.FromMilliseconds(61_250)));

        Assert.Equal("1:01.25", Row(_e.Now)[Time]);
    }

    [Theory]
    [InlineData(0, null, "0 after 0:05")]
    [InlineData(3, null, "3 after 0:05")]
    [InlineData(null, 15, "SIGTERM (-15) after 0:05")]
    public void EndedWorker_NoCpuTime_ItsExitSaysHowLongItRan(int? code, int? signal, string exit)
    {
        _model.Apply(_e.Spawned(1));
        _model.Apply(_e.SampleWithTime(1, 50, TimeSpan.FromSeconds(2)));
        _e.Now = _e.Now.AddSeconds(5.4);
        _model.Apply(_e.Ended(1, code is { } c ? WorkerExit.Exited(c) : WorkerExit.Signaled(signal!.Value, "SIGTERM")));

        string[] row = Row(_e.Now.AddMinutes(3));

        Assert.Equal("", row[Time]);
        Assert.Equal(exit, row[Exit]);
    }

    [Fact]
    public void NeverStarted_SaysSoWithoutADuration()
    {
        _model.Apply(_e.Spawned(1));
        _model.Apply(_e.Ended(1, WorkerExit.FailedToStart("no such file")));

        Assert.Equal("not started", Row(_e.Now)[Exit]);
    }

    private ProcessTableSource Source(DateTimeOffset now) => new(_model.Lines, now, StateGlyphs.Unicode);

    private string[] Row(DateTimeOffset now)
    {
        ProcessTableSource source = Source(now);
        return [.. Enumerable.Range(0, source.Columns).Select(c => (string)source[0, c])];
    }
}

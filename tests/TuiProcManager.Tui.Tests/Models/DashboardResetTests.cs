using System.Globalization;
using System.Text;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Tests.TestSupport;

namespace TuiProcManager.Tui.Tests.Models;

/// <summary>
/// A snapshot is the whole picture from then on (a replay's seek sends one): whatever came before it, every
/// panel's model is what a fresh dashboard given the same snapshot and events would hold.
/// </summary>
public sealed class DashboardResetTests
{
    [Fact]
    public void ASnapshot_AfterAnything_LeavesWhatAFreshDashboardWouldHold()
    {
        EventBuilder e = new();
        List<SupervisorEvent> before =
        [
            e.Snapshot(SchedulingMode.Parallel, 1),
            e.Spawned(1, pid: 101), e.Spawned(2, pid: 102),
            e.State(1, WorkerState.Starting, WorkerState.Running), e.Line(1, "Square: 100"), e.Line(2, "Cube: 1000"),
            e.Sample(1, 80), e.Machine(90, 10), e.Result(1, 10), e.Mode(SchedulingMode.PauseOnWait, 2),
            e.PoolStarted(1, "square:1..4", 2), e.PoolWorker(3, 1, pid: 103), e.Assigned(3, 1, 0), e.Result(3, 1, pool: 1, index: 0),
            e.Ended(1), e.Ended(2), e.Ended(3),
        ];
        e.Now += TimeSpan.FromMinutes(1);
        List<SupervisorEvent> after =
        [
            e.Snapshot(SchedulingMode.Parallel, 1, e.Info(7, WorkerState.Running)),
            e.Line(7, "step 1"), e.Sample(7, 50), e.Machine(50, 50), e.State(7, WorkerState.Running, WorkerState.Waiting),
        ];

        Dashboard seen = new(cores: 2);
        seen.Apply(before);
        DashboardChanges changes = seen.Apply(after);
        Dashboard fresh = new(cores: 2);
        fresh.Apply(after);

        Assert.True(changes.Reset);
        Assert.Equal(Picture(fresh), Picture(seen));
        Assert.Empty(seen.Output.For(new WorkerId(1)).Lines.ToArray()); // the same scrollback object a view may hold, emptied
    }

    [Fact]
    public void TheFirstSnapshot_IsAResetToo_AndLaterEventsAreNot()
    {
        EventBuilder e = new();
        Dashboard dashboard = new(cores: 1);
        Assert.True(dashboard.Apply([e.Snapshot(SchedulingMode.Parallel, 1)]).Reset);
        Assert.False(dashboard.Apply([e.Spawned(1), e.Line(1, "x")]).Reset);
    }

    /// <summary>Everything a panel shows from the models, as text.</summary>
    private static string Picture(Dashboard d)
    {
        StringBuilder text = new();
        foreach (WorkerRow w in d.Processes.Workers)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"row {w.Id} {w.State} {w.Pid} {w.CpuPercent} {w.Exit}");
            text.AppendLine(CultureInfo.InvariantCulture, $"  output {string.Join('|', d.Output.For(w.Id).Lines.ToArray().Select(l => l.Text))} dropped {d.Output.For(w.Id).Dropped}");
            text.AppendLine(CultureInfo.InvariantCulture, $"  cpu {string.Join(',', d.Cpu.For(w.Id)?.ToArray() ?? [])} ended {d.Cpu.HasEnded(w.Id)}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"merged {string.Join('|', d.Output.Merged.ToArray().Select(l => l.Text))} dropped {d.Output.MergedDropped}");
        foreach (Lane lane in d.Timeline.Lanes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"lane {lane.Worker} {string.Join(',', lane.Changes.Select(c => $"{c.At:O}={c.State}"))}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"log {string.Join('|', d.Timeline.Log.ToArray().Select(t => $"{t.Worker} {t.From}->{t.To}"))}");
        text.AppendLine(CultureInfo.InvariantCulture, $"machine {string.Join(',', d.Cpu.MachineHistory.ToArray())} cores {string.Join(',', d.Cpu.Cores)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"scheduling {d.Scheduling.Describe()}");
        text.AppendLine(CultureInfo.InvariantCulture, $"run going {d.Summary.RunGoing} last {d.Summary.Last is not null}");
        text.AppendLine(CultureInfo.InvariantCulture, $"results {d.Results.Total} {d.Results.Failed} {string.Join('|', d.Results.Rows.ToArray().Select(r => r.Text))}");
        text.AppendLine(CultureInfo.InvariantCulture, $"pools {d.Pools.Latest?.Id}");
        return text.ToString();
    }
}
